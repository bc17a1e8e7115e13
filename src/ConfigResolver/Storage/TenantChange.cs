using ConfigResolver.Access;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Storage;

/// <summary>
/// One committed write, as published on <see cref="ITenantChangeFeed"/>. Build it with the factory methods so
/// every store fills the same fields.
/// </summary>
/// <param name="Kind">What changed.</param>
public sealed record TenantChange(TenantChangeKind Kind)
{
    /// <summary>
    /// Gets the store revision of the write (the change log row it came from); every change of one write has the same
    /// revision, and revisions only grow. 0 for a change built outside a store.
    /// </summary>
    public long Revision { get; init; }

    /// <summary>
    /// Gets whether the change was read from the change log (another process or instance wrote it) rather than
    /// published by this instance's own write. Remote changes carry the entities as read after the write, or null when
    /// the entity no longer exists.
    /// </summary>
    public bool IsRemote { get; init; }

    /// <summary>Gets the organization concerned, if any.</summary>
    public Guid? OrganizationId { get; init; }

    /// <summary>Gets the slug of the organization concerned, if any.</summary>
    public string? OrganizationSlug { get; init; }

    /// <summary>Gets the user concerned, if any.</summary>
    public Guid? UserId { get; init; }

    /// <summary>Gets the organization as written, for <see cref="TenantChangeKind.OrganizationCreated"/> and <see cref="TenantChangeKind.OrganizationUpdated"/>.</summary>
    public Organization? Organization { get; init; }

    /// <summary>Gets the user as written, for <see cref="TenantChangeKind.UserCreated"/> and <see cref="TenantChangeKind.UserUpdated"/>.</summary>
    public User? User { get; init; }

    /// <summary>Gets the API key or invitation concerned (<see cref="TenantChangeKind.ApiKeyChanged"/>, <see cref="TenantChangeKind.InvitationChanged"/>), if any.</summary>
    public Guid? EntityId { get; init; }

    /// <summary>Gets the API key as written (or as re-read; null when it no longer exists), for <see cref="TenantChangeKind.ApiKeyChanged"/>.</summary>
    public ApiKey? ApiKey { get; init; }

    /// <summary>Gets whether the change concerns the system organization.</summary>
    public bool IsSystemOrganization => Organization?.IsSystem == true;

    /// <summary>Describes a created organization.</summary>
    /// <param name="organization">The organization as written.</param>
    /// <returns>The change.</returns>
    public static TenantChange OrganizationCreated(Organization organization) => ForOrganization(TenantChangeKind.OrganizationCreated, organization);

    /// <summary>Describes an updated organization.</summary>
    /// <param name="organization">The organization as written.</param>
    /// <returns>The change.</returns>
    public static TenantChange OrganizationUpdated(Organization organization) => ForOrganization(TenantChangeKind.OrganizationUpdated, organization);

    /// <summary>Describes a deleted organization.</summary>
    /// <param name="organizationId">Its id.</param>
    /// <param name="slug">Its slug.</param>
    /// <returns>The change.</returns>
    public static TenantChange OrganizationDeleted(Guid organizationId, string slug) =>
        new(TenantChangeKind.OrganizationDeleted) { OrganizationId = organizationId, OrganizationSlug = slug };

    /// <summary>Describes a reset: every cached state must be dropped and re-read (see <see cref="TenantChangeKind.Reset"/>).</summary>
    /// <param name="revision">The latest store revision when the reset was decided; state read afterwards is at least that new.</param>
    /// <returns>The change.</returns>
    public static TenantChange Reset(long revision) => new(TenantChangeKind.Reset) { Revision = revision, IsRemote = true };

    /// <summary>Describes a created user.</summary>
    /// <param name="user">The user as written.</param>
    /// <returns>The change.</returns>
    public static TenantChange UserCreated(User user) => ForUser(TenantChangeKind.UserCreated, user);

    /// <summary>Describes an updated user.</summary>
    /// <param name="user">The user as written.</param>
    /// <returns>The change.</returns>
    public static TenantChange UserUpdated(User user) => ForUser(TenantChangeKind.UserUpdated, user);

    /// <summary>Describes a set membership.</summary>
    /// <param name="organization">The organization.</param>
    /// <param name="userId">The user.</param>
    /// <returns>The change.</returns>
    public static TenantChange MembershipSet(Organization organization, Guid userId) => ForMembership(TenantChangeKind.MembershipSet, organization, userId);

    /// <summary>Describes a removed membership.</summary>
    /// <param name="organization">The organization.</param>
    /// <param name="userId">The user.</param>
    /// <returns>The change.</returns>
    public static TenantChange MembershipRemoved(Organization organization, Guid userId) => ForMembership(TenantChangeKind.MembershipRemoved, organization, userId);

    /// <summary>Describes a created, rotated or revoked API key.</summary>
    /// <param name="key">The key as written.</param>
    /// <returns>The change.</returns>
    public static TenantChange ApiKeyChanged(ApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new(TenantChangeKind.ApiKeyChanged) { OrganizationId = key.OrganizationId, OrganizationSlug = key.OrganizationSlug, EntityId = key.Id, ApiKey = key };
    }

    /// <summary>Describes a created, resent or cancelled invitation.</summary>
    /// <param name="invitation">The invitation as written.</param>
    /// <returns>The change.</returns>
    public static TenantChange InvitationChanged(Invitation invitation)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        return new(TenantChangeKind.InvitationChanged) { OrganizationId = invitation.OrganizationId, OrganizationSlug = invitation.OrganizationSlug, EntityId = invitation.Id };
    }

    /// <summary>Describes a change to an organization's teams or model groups.</summary>
    /// <param name="organization">The organization.</param>
    /// <returns>The change.</returns>
    public static TenantChange TeamsChanged(Organization organization)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return new(TenantChangeKind.TeamsChanged) { OrganizationId = organization.Id, OrganizationSlug = organization.Slug };
    }

    private static TenantChange ForOrganization(TenantChangeKind kind, Organization organization)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return new(kind) { OrganizationId = organization.Id, OrganizationSlug = organization.Slug, Organization = organization };
    }

    private static TenantChange ForUser(TenantChangeKind kind, User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(kind) { UserId = user.Id, User = user };
    }

    private static TenantChange ForMembership(TenantChangeKind kind, Organization organization, Guid userId)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return new(kind) { OrganizationId = organization.Id, OrganizationSlug = organization.Slug, UserId = userId };
    }
}
