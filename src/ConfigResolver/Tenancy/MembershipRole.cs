namespace ConfigResolver.Tenancy;

/// <summary>A user's role in one organization, weakest first, so roles compare by privilege. Wire names in <see cref="TenancyNames"/>.</summary>
public enum MembershipRole
{
    /// <summary>Read-only access.</summary>
    Viewer = 0,

    /// <summary>Ordinary member.</summary>
    Member = 1,

    /// <summary>Administers the organization.</summary>
    Admin = 2,

    /// <summary>Owns the organization; every organization with members keeps at least one.</summary>
    Owner = 3,
}
