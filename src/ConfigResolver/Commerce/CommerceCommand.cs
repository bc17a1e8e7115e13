using System.Collections.Immutable;

namespace ConfigResolver.Commerce;

/// <summary>
/// One write to an organization's plan, teams or model groups. A store applies it in one transaction with
/// <see cref="CommerceRules.Apply"/> against the state and counts it read in that transaction, so two writers racing for
/// the last slot cannot both pass. Build it with the factory methods.
/// </summary>
/// <param name="Kind">What it does.</param>
/// <param name="OrganizationId">The organization.</param>
public sealed record CommerceCommand(CommerceCommandKind Kind, Guid OrganizationId)
{
    /// <summary>Gets the team concerned (team commands), or the default team to create with a plan.</summary>
    public string? Team { get; init; }

    /// <summary>Gets the user concerned (team membership commands).</summary>
    public Guid? UserId { get; init; }

    /// <summary>Gets how messages name the user (their email); the id when not set.</summary>
    public string? UserLabel { get; init; }

    /// <summary>Gets the plan to apply (<see cref="CommerceCommandKind.SetPlan"/>).</summary>
    public OrganizationPlan? Plan { get; init; }

    /// <summary>Gets whether a plan is applied although the organization exceeds it (flagged on the plan).</summary>
    public bool Force { get; init; }

    /// <summary>Gets the team's monthly credit allocation (<see cref="CommerceCommandKind.CreateTeam"/>).</summary>
    public long? Credits { get; init; }

    /// <summary>Gets the model group to create.</summary>
    public ModelGroup? ModelGroup { get; init; }

    /// <summary>Gets the model groups to assign, in priority order.</summary>
    public ImmutableArray<string> ModelGroups { get; init; } = [];

    /// <summary>Gets whether the team created (<see cref="CommerceCommandKind.CreateTeam"/>) is the organization's default team.</summary>
    public bool IsDefaultTeam { get; init; }

    /// <summary>Gets the time of the write (a team's creation time).</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>Applies a plan; with <paramref name="defaultTeam"/>, also creates that team as the default team (at organization creation).</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="plan">The plan and billing fields.</param>
    /// <param name="force">Apply even if the organization exceeds it.</param>
    /// <param name="at">When.</param>
    /// <param name="defaultTeam">The default team's name, or null.</param>
    /// <returns>The command.</returns>
    public static CommerceCommand SetPlan(Guid organizationId, OrganizationPlan plan, bool force, DateTimeOffset at, string? defaultTeam = null) =>
        new(CommerceCommandKind.SetPlan, organizationId) { Plan = plan, Force = force, At = at, Team = defaultTeam };

    /// <summary>Creates a team.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="team">Its name.</param>
    /// <param name="credits">Its monthly credit allocation, or null.</param>
    /// <param name="at">When.</param>
    /// <returns>The command.</returns>
    public static CommerceCommand CreateTeam(Guid organizationId, string team, long? credits, DateTimeOffset at) =>
        new(CommerceCommandKind.CreateTeam, organizationId) { Team = team, Credits = credits, At = at };

    /// <summary>Deletes a team.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="team">Its name.</param>
    /// <returns>The command.</returns>
    public static CommerceCommand DeleteTeam(Guid organizationId, string team) => new(CommerceCommandKind.DeleteTeam, organizationId) { Team = team };

    /// <summary>Adds an organization member to a team.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="team">The team.</param>
    /// <param name="userId">The user.</param>
    /// <returns>The command.</returns>
    public static CommerceCommand AddTeamMember(Guid organizationId, string team, Guid userId) =>
        new(CommerceCommandKind.AddTeamMember, organizationId) { Team = team, UserId = userId };

    /// <summary>Removes a member from a team.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="team">The team.</param>
    /// <param name="userId">The user.</param>
    /// <returns>The command.</returns>
    public static CommerceCommand RemoveTeamMember(Guid organizationId, string team, Guid userId) =>
        new(CommerceCommandKind.RemoveTeamMember, organizationId) { Team = team, UserId = userId };

    /// <summary>Creates a model group.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="group">The group.</param>
    /// <returns>The command.</returns>
    public static CommerceCommand CreateModelGroup(Guid organizationId, ModelGroup group) =>
        new(CommerceCommandKind.CreateModelGroup, organizationId) { ModelGroup = group };

    /// <summary>Sets a team's model groups, in priority order (empty: the team may use every model).</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="team">The team.</param>
    /// <param name="groups">The groups.</param>
    /// <returns>The command.</returns>
    public static CommerceCommand AssignModelGroups(Guid organizationId, string team, ImmutableArray<string> groups) =>
        new(CommerceCommandKind.AssignModelGroups, organizationId) { Team = team, ModelGroups = groups };
}
