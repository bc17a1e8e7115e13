namespace ConfigResolver.Tenancy;

/// <summary>The wire names of tenancy enums (CLI arguments, JSON, database columns).</summary>
public static class TenancyNames
{
    /// <summary>Returns <c>active</c>, <c>suspended</c> or <c>trial</c>.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The wire name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not defined.</exception>
    public static string ToName(OrganizationStatus status) => status switch
    {
        OrganizationStatus.Active => "active",
        OrganizationStatus.Suspended => "suspended",
        OrganizationStatus.Trial => "trial",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>Returns <c>owner</c>, <c>admin</c>, <c>member</c> or <c>viewer</c>.</summary>
    /// <param name="role">The role.</param>
    /// <returns>The wire name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="role"/> is not defined.</exception>
    public static string ToName(MembershipRole role) => role switch
    {
        MembershipRole.Owner => "owner",
        MembershipRole.Admin => "admin",
        MembershipRole.Member => "member",
        MembershipRole.Viewer => "viewer",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>Returns <c>pending</c>, <c>accepted</c> or <c>cancelled</c>, as every store keeps an invitation's status.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The wire name.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not defined.</exception>
    public static string ToName(Access.InvitationStatus status) => status switch
    {
        Access.InvitationStatus.Pending => "pending",
        Access.InvitationStatus.Accepted => "accepted",
        Access.InvitationStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>Parses a stored invitation status (case-sensitive).</summary>
    /// <param name="name">The name.</param>
    /// <returns>The status.</returns>
    /// <exception cref="InvalidDataException"><paramref name="name"/> is not a known status (the stored data is damaged).</exception>
    public static Access.InvitationStatus ParseInvitationStatus(string? name) => name switch
    {
        "pending" => Access.InvitationStatus.Pending,
        "accepted" => Access.InvitationStatus.Accepted,
        "cancelled" => Access.InvitationStatus.Cancelled,
        _ => throw new InvalidDataException($"an invitation has the unknown status '{name}'"),
    };

    /// <summary>Parses a status wire name (case-sensitive).</summary>
    /// <param name="name">The name.</param>
    /// <param name="status">The status.</param>
    /// <returns>True when known.</returns>
    public static bool TryParseStatus(string? name, out OrganizationStatus status)
    {
        (var known, status) = name switch
        {
            "active" => (true, OrganizationStatus.Active),
            "suspended" => (true, OrganizationStatus.Suspended),
            "trial" => (true, OrganizationStatus.Trial),
            _ => (false, OrganizationStatus.Active),
        };
        return known;
    }

    /// <summary>Parses a role wire name (case-sensitive).</summary>
    /// <param name="name">The name.</param>
    /// <param name="role">The role.</param>
    /// <returns>True when known.</returns>
    public static bool TryParseRole(string? name, out MembershipRole role)
    {
        (var known, role) = name switch
        {
            "owner" => (true, MembershipRole.Owner),
            "admin" => (true, MembershipRole.Admin),
            "member" => (true, MembershipRole.Member),
            "viewer" => (true, MembershipRole.Viewer),
            _ => (false, MembershipRole.Viewer),
        };
        return known;
    }
}
