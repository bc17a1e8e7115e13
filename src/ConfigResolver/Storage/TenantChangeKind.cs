namespace ConfigResolver.Storage;

/// <summary>What a committed write changed.</summary>
public enum TenantChangeKind
{
    /// <summary>An organization was added (the system organization on first open included).</summary>
    OrganizationCreated = 0,

    /// <summary>An organization was replaced (name, status, plan, configuration, metadata).</summary>
    OrganizationUpdated = 1,

    /// <summary>An organization and its memberships were deleted.</summary>
    OrganizationDeleted = 2,

    /// <summary>A user was added.</summary>
    UserCreated = 3,

    /// <summary>A user was replaced, including a default organization the store reassigned.</summary>
    UserUpdated = 4,

    /// <summary>A membership was added or its role changed.</summary>
    MembershipSet = 5,

    /// <summary>A membership was removed.</summary>
    MembershipRemoved = 6,
}
