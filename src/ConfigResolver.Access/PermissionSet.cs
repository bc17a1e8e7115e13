using System.Collections.Immutable;

namespace ConfigResolver.Access;

/// <summary>Everything a principal may do in one organization, in the order the scopes are declared.</summary>
/// <param name="Organization">The organization's slug.</param>
/// <param name="Allowed">The allowed actions with their resources and grants.</param>
public sealed record PermissionSet(string Organization, ImmutableArray<AllowedAction> Allowed)
{
    /// <summary>Whether the set allows an action on at least one resource.</summary>
    /// <param name="action">The action.</param>
    /// <returns>True when it does.</returns>
    public bool AllowsAction(string action) => Allowed.Any(p => p.Action == action);
}
