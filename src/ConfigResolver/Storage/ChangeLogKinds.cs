namespace ConfigResolver.Storage;

/// <summary>
/// The change log's wire names for <see cref="TenantChangeKind"/>, shared by every store so a log written by one version
/// reads the same in another. A name this version does not know reads as <see cref="TenantChangeKind.Reset"/>.
/// </summary>
public static class ChangeLogKinds
{
    /// <summary>Gets the wire name of a kind, for example <c>membership_set</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The name.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The kind is not defined.</exception>
    public static string ToName(TenantChangeKind kind) => kind switch
    {
        TenantChangeKind.OrganizationCreated => "organization_created",
        TenantChangeKind.OrganizationUpdated => "organization_updated",
        TenantChangeKind.OrganizationDeleted => "organization_deleted",
        TenantChangeKind.UserCreated => "user_created",
        TenantChangeKind.UserUpdated => "user_updated",
        TenantChangeKind.MembershipSet => "membership_set",
        TenantChangeKind.MembershipRemoved => "membership_removed",
        TenantChangeKind.Reset => "reset",
        TenantChangeKind.PolicyRevisionPublished => "policy_revision",
        TenantChangeKind.ApiKeyChanged => "api_key_changed",
        TenantChangeKind.InvitationChanged => "invitation_changed",
        TenantChangeKind.TeamsChanged => "teams_changed",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown change kind."),
    };

    /// <summary>Reads a wire name; an unknown name (a newer writer) means "re-read everything".</summary>
    /// <param name="name">The name.</param>
    /// <returns>The kind, or <see cref="TenantChangeKind.Reset"/> for a name this version does not know.</returns>
    public static TenantChangeKind Parse(string? name) => name switch
    {
        "organization_created" => TenantChangeKind.OrganizationCreated,
        "organization_updated" => TenantChangeKind.OrganizationUpdated,
        "organization_deleted" => TenantChangeKind.OrganizationDeleted,
        "user_created" => TenantChangeKind.UserCreated,
        "user_updated" => TenantChangeKind.UserUpdated,
        "membership_set" => TenantChangeKind.MembershipSet,
        "membership_removed" => TenantChangeKind.MembershipRemoved,
        "policy_revision" => TenantChangeKind.PolicyRevisionPublished,
        "api_key_changed" => TenantChangeKind.ApiKeyChanged,
        "invitation_changed" => TenantChangeKind.InvitationChanged,
        "teams_changed" => TenantChangeKind.TeamsChanged,
        _ => TenantChangeKind.Reset,
    };
}
