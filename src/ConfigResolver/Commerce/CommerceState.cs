using System.Collections.Immutable;

namespace ConfigResolver.Commerce;

/// <summary>An organization's plan, teams and model groups, as stored (one document per organization).</summary>
/// <param name="OrganizationId">The organization.</param>
public sealed record CommerceState(Guid OrganizationId)
{
    /// <summary>Gets the plan applied to the organization, or null when none was (no quotas apply then).</summary>
    public OrganizationPlan? Plan { get; init; }

    /// <summary>Gets the teams, in creation order.</summary>
    public ImmutableArray<Team> Teams { get; init; } = [];

    /// <summary>Gets the model groups, in creation order.</summary>
    public ImmutableArray<ModelGroup> ModelGroups { get; init; } = [];

    /// <summary>Gets the limits in force: the plan's, or <see cref="PlanLimits.Unlimited"/> when no plan was applied.</summary>
    public PlanLimits Limits => Plan?.Limits ?? PlanLimits.Unlimited;

    /// <summary>Finds a team by name.</summary>
    /// <param name="name">The team's name.</param>
    /// <returns>The team, or null.</returns>
    public Team? FindTeam(string name) => Teams.FirstOrDefault(t => t.Name == name);

    /// <summary>Finds a model group by name.</summary>
    /// <param name="name">The group's name.</param>
    /// <returns>The group, or null.</returns>
    public ModelGroup? FindModelGroup(string name) => ModelGroups.FirstOrDefault(g => g.Name == name);

    /// <inheritdoc/>
    public bool Equals(CommerceState? other) =>
        other is not null && OrganizationId == other.OrganizationId && Equals(Plan, other.Plan)
        && Teams.SequenceEqual(other.Teams) && ModelGroups.SequenceEqual(other.ModelGroups);

    /// <inheritdoc/>
    public override int GetHashCode() => OrganizationId.GetHashCode();
}
