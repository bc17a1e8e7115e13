namespace ConfigResolver.Commerce;

/// <summary>What a <see cref="CommerceCommand"/> does.</summary>
public enum CommerceCommandKind
{
    /// <summary>Applies a plan (checked against the organization's current state unless forced) and its billing fields.</summary>
    SetPlan = 0,

    /// <summary>Creates a team.</summary>
    CreateTeam = 1,

    /// <summary>Deletes a team (not the default team).</summary>
    DeleteTeam = 2,

    /// <summary>Adds an organization member to a team.</summary>
    AddTeamMember = 3,

    /// <summary>Removes a member from a team.</summary>
    RemoveTeamMember = 4,

    /// <summary>Creates a model group.</summary>
    CreateModelGroup = 5,

    /// <summary>Sets the model groups of a team, in priority order.</summary>
    AssignModelGroups = 6,
}
