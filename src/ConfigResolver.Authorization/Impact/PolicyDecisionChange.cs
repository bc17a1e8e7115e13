namespace ConfigResolver.Authorization.Impact;

/// <summary>One decision that differs between two policies, with what decided it on each side.</summary>
/// <param name="Organization">The organization's slug.</param>
/// <param name="Principal">The principal's name (<see cref="ImpactPrincipal.Name"/>).</param>
/// <param name="Action">The action.</param>
/// <param name="Resource">The resource, or null for a check without one.</param>
/// <param name="AllowedBefore">The decision under the old policy.</param>
/// <param name="AllowedAfter">The decision under the new policy.</param>
/// <param name="BecauseBefore">The rule or grant that decided under the old policy (for a denial: what was missing or which deny rule fired).</param>
/// <param name="BecauseAfter">The same under the new policy.</param>
public sealed record PolicyDecisionChange(
    string Organization, string Principal, string Action, string? Resource, bool AllowedBefore, bool AllowedAfter, string BecauseBefore, string BecauseAfter)
{
    /// <summary>Whether the principal gains the permission (deny before, allow after).</summary>
    public bool Gained => AllowedAfter && !AllowedBefore;
}
