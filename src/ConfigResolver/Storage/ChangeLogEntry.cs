using System.Collections.Immutable;
using ConfigResolver.Access;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Storage;

/// <summary>
/// One row of a store's durable change log: one committed write, appended in the same transaction as the write.
/// Revisions start at 1 (the system organization's creation on first open) and grow by one per write.
/// </summary>
/// <remarks>
/// A row carries ids, never entities: an instance that reads it re-reads what it needs (<c>ToChanges</c>).
/// Organization slugs never change, so the slug recorded with the id stays valid for as long as the organization exists.
/// </remarks>
/// <param name="Revision">The store revision of the write.</param>
/// <param name="Kind">The write's first change (for example <see cref="TenantChangeKind.MembershipSet"/>).</param>
/// <param name="Time">When the write committed, from the writing store's clock.</param>
public sealed record ChangeLogEntry(long Revision, TenantChangeKind Kind, DateTimeOffset Time)
{
    /// <summary>Gets the organization the write concerns, if any.</summary>
    public Guid? OrganizationId { get; init; }

    /// <summary>Gets that organization's slug, if any.</summary>
    public string? OrganizationSlug { get; init; }

    /// <summary>Gets the user the write concerns (created or updated user, membership's user), if any.</summary>
    public Guid? UserId { get; init; }

    /// <summary>Gets the API key or invitation the write concerns, if any.</summary>
    public Guid? EntityId { get; init; }

    /// <summary>Gets the users whose records the store changed as a side effect (a default organization reassigned).</summary>
    public ImmutableArray<Guid> AffectedUserIds { get; init; } = [];

    /// <summary>Describes one write as its log row.</summary>
    /// <param name="revision">The write's revision.</param>
    /// <param name="time">The commit time.</param>
    /// <param name="changes">The changes the write publishes, first one first (never empty).</param>
    /// <returns>The row.</returns>
    /// <exception cref="ArgumentException"><paramref name="changes"/> is empty.</exception>
    public static ChangeLogEntry FromChanges(long revision, DateTimeOffset time, ImmutableArray<TenantChange> changes)
    {
        if (changes.IsDefaultOrEmpty)
        {
            throw new ArgumentException("A write publishes at least one change.", nameof(changes));
        }

        var first = changes[0];
        var affected = ImmutableArray.CreateBuilder<Guid>();
        for (var i = 1; i < changes.Length; i++)
        {
            if (changes[i].Kind == TenantChangeKind.UserUpdated && changes[i].UserId is { } userId)
            {
                affected.Add(userId);
            }
        }

        return new ChangeLogEntry(revision, first.Kind, time)
        {
            OrganizationId = first.OrganizationId,
            OrganizationSlug = first.OrganizationSlug,
            UserId = first.UserId,
            EntityId = first.EntityId,
            AffectedUserIds = affected.ToImmutable(),
        };
    }

    /// <summary>Gets the organization this row's changes carry as an entity, which a reader re-reads; null when none.</summary>
    public Guid? OrganizationToRead =>
        Kind is TenantChangeKind.OrganizationCreated or TenantChangeKind.OrganizationUpdated ? OrganizationId : null;

    /// <summary>Gets the users this row's changes carry as entities, which a reader re-reads.</summary>
    /// <returns>The ids.</returns>
    public IEnumerable<Guid> UsersToRead()
    {
        if (Kind is TenantChangeKind.UserCreated or TenantChangeKind.UserUpdated && UserId is { } userId)
        {
            yield return userId;
        }

        foreach (var affected in AffectedUserIds)
        {
            yield return affected;
        }
    }

    /// <summary>
    /// Rebuilds the changes a remote instance publishes for this row: the same kinds and ids the writer published, with
    /// the organization and users as the reader finds them now (null when they no longer exist).
    /// </summary>
    /// <param name="organization">Reads an organization by id.</param>
    /// <param name="user">Reads a user by id.</param>
    /// <returns>The changes, in the writer's order, marked <see cref="TenantChange.IsRemote"/>.</returns>
    public ImmutableArray<TenantChange> ToChanges(Func<Guid, Organization?> organization, Func<Guid, User?> user) =>
        ToChanges(organization, user, static _ => null);

    /// <summary>
    /// Rebuilds the changes a remote instance publishes for this row, re-reading the organization, users and API key it
    /// names (null when they no longer exist).
    /// </summary>
    /// <param name="organization">Reads an organization by id.</param>
    /// <param name="user">Reads a user by id.</param>
    /// <param name="apiKey">Reads an API key by id.</param>
    /// <returns>The changes, in the writer's order, marked <see cref="TenantChange.IsRemote"/>.</returns>
    public ImmutableArray<TenantChange> ToChanges(Func<Guid, Organization?> organization, Func<Guid, User?> user, Func<Guid, ApiKey?> apiKey)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(apiKey);
        var changes = ImmutableArray.CreateBuilder<TenantChange>(1 + AffectedUserIds.Length);
        changes.Add(new TenantChange(Kind)
        {
            Revision = Revision,
            IsRemote = true,
            OrganizationId = OrganizationId,
            OrganizationSlug = OrganizationSlug,
            UserId = UserId,
            EntityId = EntityId,
            ApiKey = Kind == TenantChangeKind.ApiKeyChanged && EntityId is { } keyId ? apiKey(keyId) : null,
            Organization = OrganizationToRead is { } organizationId ? organization(organizationId) : null,
            User = Kind is TenantChangeKind.UserCreated or TenantChangeKind.UserUpdated && UserId is { } userId ? user(userId) : null,
        });
        foreach (var affected in AffectedUserIds)
        {
            changes.Add(new TenantChange(TenantChangeKind.UserUpdated) { Revision = Revision, IsRemote = true, UserId = affected, User = user(affected) });
        }

        return changes.MoveToImmutable();
    }
}
