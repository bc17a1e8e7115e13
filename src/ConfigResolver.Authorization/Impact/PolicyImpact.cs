using System.Collections.Immutable;

namespace ConfigResolver.Authorization.Impact;

/// <summary>
/// What changes between two policies for a population of principals: every decision that differs, ordered by
/// organization (slug), principal (members by email, then keys by id), action (declaration order) and resource.
/// </summary>
/// <param name="Changes">The decisions that differ.</param>
/// <param name="DecisionsCompared">How many (organization, principal, action, resource) decisions were compared.</param>
/// <remarks>Immutable.</remarks>
public sealed record PolicyImpact(ImmutableArray<PolicyDecisionChange> Changes, long DecisionsCompared)
{
    /// <summary>Whether any decision changes.</summary>
    public bool HasChanges => !Changes.IsEmpty;

    /// <summary>Number of organizations with at least one change.</summary>
    public int Organizations => Changes.Select(static c => c.Organization).Distinct(StringComparer.Ordinal).Count();

    /// <summary>Number of (organization, principal) pairs with at least one change.</summary>
    public int Principals => Changes.Select(static c => (c.Organization, c.Principal)).Distinct().Count();

    /// <summary>Number of decisions that go from deny to allow.</summary>
    public int Gained => Changes.Count(static c => c.Gained);

    /// <summary>Number of decisions that go from allow to deny.</summary>
    public int Lost => Changes.Count(static c => !c.Gained);
}
