namespace ConfigResolver.Commerce;

/// <summary>
/// The stable codes of plans, quotas, teams, model groups and usage (<c>QTA6xxx</c>). A code never changes meaning once shipped.
/// </summary>
public static class QuotaDiagnosticCodes
{
    /// <summary>Adding a member (or invitation) would exceed the plan's members.</summary>
    public const string MembersLimit = "QTA6001";

    /// <summary>Creating an API key would exceed the plan's API keys.</summary>
    public const string ApiKeysLimit = "QTA6002";

    /// <summary>Creating a team would exceed the plan's teams.</summary>
    public const string TeamsLimit = "QTA6003";

    /// <summary>A plan change is refused: the organization already exceeds the new plan.</summary>
    public const string PlanExceeded = "QTA6004";

    /// <summary>Team credit allocations would exceed the plan's monthly credits.</summary>
    public const string CreditsAllocation = "QTA6005";

    /// <summary>The plan is not in the catalog.</summary>
    public const string UnknownPlan = "QTA6010";

    /// <summary>No team has this name in the organization.</summary>
    public const string UnknownTeam = "QTA6011";

    /// <summary>A team with this name exists already.</summary>
    public const string DuplicateTeam = "QTA6012";

    /// <summary>A team member must be a member of the organization.</summary>
    public const string NotOrganizationMember = "QTA6013";

    /// <summary>No model group has this name in the organization.</summary>
    public const string UnknownModelGroup = "QTA6014";

    /// <summary>A model group with this name exists already.</summary>
    public const string DuplicateModelGroup = "QTA6015";

    /// <summary>The default team cannot be deleted.</summary>
    public const string DefaultTeam = "QTA6016";

    /// <summary>A name (team, model group, meter) is malformed, or a model group lists no models.</summary>
    public const string InvalidName = "QTA6017";

    /// <summary>The user is already (or is not) a member of the team.</summary>
    public const string TeamMembership = "QTA6018";

    /// <summary>The meter is not one the plan knows (<c>api_calls</c>, <c>tokens</c>, <c>credits</c> or one it names).</summary>
    public const string UnknownMeter = "QTA6020";

    /// <summary>The amount to consume is not positive.</summary>
    public const string InvalidAmount = "QTA6021";

    /// <summary>The consumption is refused: the meter's monthly limit would be exceeded.</summary>
    public const string UsageLimit = "QTA6022";

    /// <summary>A model group names a model that no enabled provider lists (a warning at assignment).</summary>
    public const string UnlistedModel = "QTA6030";
}
