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

    /// <summary>
    /// Anything may have changed: this instance fell behind the change log's retention horizon (or read a log row it does
    /// not understand), so subscribers drop every cached state and re-read the store. Carries no ids.
    /// </summary>
    Reset = 7,

    /// <summary>
    /// A policy revision was stored (<see cref="IPolicyRevisionStoreWriter.PublishPolicyRevisionAsync"/>); wire name
    /// <c>policy_revision</c>. Carries no ids: an instance serving policies from the store reads the current revision.
    /// Subscribers that do not serve policies ignore it.
    /// </summary>
    PolicyRevisionPublished = 8,

    /// <summary>
    /// An API key was created, rotated or revoked (<see cref="TenantChange.EntityId"/> is its id, <see cref="TenantChange.ApiKey"/>
    /// the key as written, or as re-read by another instance). Authenticators drop it from their caches.
    /// </summary>
    ApiKeyChanged = 9,

    /// <summary>An invitation was created, resent or cancelled (<see cref="TenantChange.EntityId"/> is its id). Nothing caches invitations.</summary>
    InvitationChanged = 10,
}
