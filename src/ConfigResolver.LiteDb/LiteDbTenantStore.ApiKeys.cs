using System.Collections.Immutable;
using ConfigResolver.Access;
using ConfigResolver.Auditing;
using ConfigResolver.LiteDb.Internal;
using ConfigResolver.Storage;
using LiteDB;

namespace ConfigResolver.LiteDb;

public sealed partial class LiteDbTenantStore
{
    /// <inheritdoc/>
    public ValueTask<ApiKey?> GetApiKeyAsync(Guid keyId, CancellationToken cancellationToken = default) =>
        Read("GetApiKey", null, db => LiteAccessQueries.KeyById(db, keyId), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<ApiKey?> FindApiKeyByPrefixAsync(string prefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return Read("FindApiKeyByPrefix", null, db => LiteAccessQueries.KeyByPrefix(db, prefix), cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<ApiKey>> ListApiKeysAsync(Guid organizationId, CancellationToken cancellationToken = default) =>
        Read("ListApiKeys", null, db => LiteAccessQueries.KeysOfOrganization(db, organizationId).ToImmutableArray(), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<ApiKey>> ListApiKeysRevokedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        Read("ListApiKeysRevokedSince", null, db => LiteAccessQueries.KeysRevokedSince(db, since).ToImmutableArray(), cancellationToken);

    /// <inheritdoc/>
    public Task CreateApiKeyAsync(ApiKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Write("CreateApiKey", key.OrganizationSlug, db =>
        {
            AccessInvariants.ThrowIfAny(AccessInvariants.CheckCreateApiKey(
                key,
                LiteQueries.OrganizationById(db, key.OrganizationId),
                idExists: LiteAccessQueries.KeyById(db, key.Id) is not null,
                prefixTaken: db.GetCollection(LiteAccessDocs.ApiKeys).Exists(Query.EQ("prefix", key.Prefix))));
            LiteCommerceQueries.CheckApiKey(db, key.OrganizationId, key.OrganizationSlug, key.CreatedAt, key.Team);
            db.GetCollection(LiteAccessDocs.ApiKeys).Insert(LiteAccessDocs.FromKey(key));
            return ([TenantChange.ApiKeyChanged(key)], AccessAuditEvents.ApiKeyCreated(key));
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<ApiKey> RotateApiKeyAsync(ApiKeyRotation rotation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rotation);
        ApiKey? written = null;
        await Write("RotateApiKey", null, db =>
        {
            var existing = ChangeableKey(db, rotation.OrganizationId, rotation.KeyId, revoking: false);
            written = existing with
            {
                SecretHash = rotation.SecretHash,
                PreviousSecretHash = rotation.PreviousValidUntil is null ? null : existing.SecretHash,
                PreviousSecretValidUntil = rotation.PreviousValidUntil,
                RotatedAt = rotation.At,
            };
            db.GetCollection(LiteAccessDocs.ApiKeys).Update(LiteAccessDocs.FromKey(written));
            return ([TenantChange.ApiKeyChanged(written)], AccessAuditEvents.ApiKeyRotated(existing, written));
        }, cancellationToken).ConfigureAwait(false);
        return written!;
    }

    /// <inheritdoc/>
    public async Task<ApiKey> RevokeApiKeyAsync(Guid organizationId, Guid keyId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ApiKey? written = null;
        await Write("RevokeApiKey", null, db =>
        {
            var existing = ChangeableKey(db, organizationId, keyId, revoking: true);
            written = existing with { RevokedAt = at, PreviousSecretHash = null, PreviousSecretValidUntil = null };
            db.GetCollection(LiteAccessDocs.ApiKeys).Update(LiteAccessDocs.FromKey(written));
            return ([TenantChange.ApiKeyChanged(written)], AccessAuditEvents.ApiKeyRevoked(written));
        }, cancellationToken).ConfigureAwait(false);
        return written!;
    }

    /// <inheritdoc/>
    public Task RecordApiKeyUsageAsync(IReadOnlyCollection<ApiKeyUsage> usage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(usage);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        try
        {
            lock (_lock)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);

                // Telemetry in one transaction: no log row, no audit event, nothing published; times only move forward.
                _db.BeginTrans();
                try
                {
                    var keys = _db.GetCollection(LiteAccessDocs.ApiKeys);
                    foreach (var (keyId, lastUsed) in usage)
                    {
                        if (LiteAccessQueries.KeyById(_db, keyId) is { } key && (key.LastUsedAt is null || key.LastUsedAt < lastUsed))
                        {
                            keys.Update(LiteAccessDocs.FromKey(key with { LastUsedAt = lastUsed }));
                        }
                    }

                    _db.Commit();
                }
                catch
                {
                    _db.Rollback();
                    throw;
                }
            }

            return Task.CompletedTask;
        }
        catch (Exception e) when (Internal.LiteErrors.IsProviderFailure(e))
        {
            return Task.FromException(Internal.LiteErrors.Wrap(e, "RecordApiKeyUsage", null, _path));
        }
    }

    /// <summary>On an organization's deletion: its keys stay, revoked (token verifiers still learn of them); its invitations go.</summary>
    private void RevokeKeysAndDropInvitations(LiteDatabase db, Guid organizationId)
    {
        var now = _timeProvider.GetUtcNow();
        var keys = db.GetCollection(LiteAccessDocs.ApiKeys);
        foreach (var key in LiteAccessQueries.KeysOfOrganization(db, organizationId).Where(static k => k.RevokedAt is null))
        {
            keys.Update(LiteAccessDocs.FromKey(key with { RevokedAt = now, PreviousSecretHash = null, PreviousSecretValidUntil = null }));
        }

        db.GetCollection(LiteAccessDocs.Invitations).DeleteMany(Query.EQ("organization_id", organizationId));
    }

    private static ApiKey ChangeableKey(LiteDatabase db, Guid organizationId, Guid keyId, bool revoking)
    {
        var existing = LiteAccessQueries.KeyById(db, keyId);
        var slug = LiteQueries.OrganizationById(db, organizationId)?.Slug ?? organizationId.ToString("D");
        AccessInvariants.ThrowIfAny(AccessInvariants.CheckChangeApiKey(existing, organizationId, slug, keyId, revoking));
        return existing!;
    }
}
