using System.Collections.Immutable;
using ConfigResolver.Access;
using ConfigResolver.Auditing;
using ConfigResolver.Sqlite.Internal;
using ConfigResolver.Storage;

namespace ConfigResolver.Sqlite;

public sealed partial class SqliteTenantStore
{
    /// <inheritdoc/>
    public ValueTask<ApiKey?> GetApiKeyAsync(Guid keyId, CancellationToken cancellationToken = default) =>
        ReadAsync("GetApiKey", null, c => SqliteAccessQueries.KeyById(c, null, keyId), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<ApiKey?> FindApiKeyByPrefixAsync(string prefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return ReadAsync("FindApiKeyByPrefix", null, c => SqliteAccessQueries.KeyByPrefix(c, null, prefix), cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<ApiKey>> ListApiKeysAsync(Guid organizationId, CancellationToken cancellationToken = default) =>
        ReadAsync("ListApiKeys", null, c => SqliteAccessQueries.KeysOfOrganization(c, null, organizationId).ToImmutableArray(), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<ApiKey>> ListApiKeysRevokedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        ReadAsync("ListApiKeysRevokedSince", null, c => SqliteAccessQueries.KeysRevokedSince(c, null, since).ToImmutableArray(), cancellationToken);

    /// <inheritdoc/>
    public Task CreateApiKeyAsync(ApiKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return WriteAsync("CreateApiKey", key.OrganizationSlug, w =>
        {
            AccessInvariants.ThrowIfAny(AccessInvariants.CheckCreateApiKey(
                key,
                SqliteQueries.OrganizationById(w.Connection, w.Transaction, key.OrganizationId),
                idExists: SqliteAccessQueries.KeyById(w.Connection, w.Transaction, key.Id) is not null,
                prefixTaken: SqliteAccessQueries.KeyByPrefix(w.Connection, w.Transaction, key.Prefix) is not null));
            SqliteCommerceQueries.CheckApiKey(w.Connection, w.Transaction, key.OrganizationId, key.OrganizationSlug, key.CreatedAt, key.Team);
            w.Execute(SqliteAccessQueries.InsertKeySql, SqliteAccessRows.KeyParameters(key));
            w.Audit = AccessAuditEvents.ApiKeyCreated(key);
            return [TenantChange.ApiKeyChanged(key)];
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<ApiKey> RotateApiKeyAsync(ApiKeyRotation rotation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rotation);
        ApiKey? written = null;
        await WriteAsync("RotateApiKey", null, w =>
        {
            var existing = ChangeableKey(w, rotation.OrganizationId, rotation.KeyId, revoking: false);
            written = existing with
            {
                SecretHash = rotation.SecretHash,
                PreviousSecretHash = rotation.PreviousValidUntil is null ? null : existing.SecretHash,
                PreviousSecretValidUntil = rotation.PreviousValidUntil,
                RotatedAt = rotation.At,
            };
            w.Execute(SqliteAccessQueries.UpdateKeySql, SqliteAccessRows.KeyParameters(written));
            w.Audit = AccessAuditEvents.ApiKeyRotated(existing, written);
            return [TenantChange.ApiKeyChanged(written)];
        }, cancellationToken).ConfigureAwait(false);
        return written!;
    }

    /// <inheritdoc/>
    public async Task<ApiKey> RevokeApiKeyAsync(Guid organizationId, Guid keyId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ApiKey? written = null;
        await WriteAsync("RevokeApiKey", null, w =>
        {
            var existing = ChangeableKey(w, organizationId, keyId, revoking: true);
            written = existing with { RevokedAt = at, PreviousSecretHash = null, PreviousSecretValidUntil = null };
            w.Execute(SqliteAccessQueries.UpdateKeySql, SqliteAccessRows.KeyParameters(written));
            w.Audit = AccessAuditEvents.ApiKeyRevoked(written);
            return [TenantChange.ApiKeyChanged(written)];
        }, cancellationToken).ConfigureAwait(false);
        return written!;
    }

    /// <inheritdoc/>
    public async Task RecordApiKeyUsageAsync(IReadOnlyCollection<ApiKeyUsage> usage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(usage);
        if (usage.Count == 0)
        {
            return;
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);

            // Telemetry in one transaction: no log row, no audit event, nothing published; times only move forward.
            using var transaction = _writer.BeginTransaction(deferred: false);
            foreach (var (keyId, lastUsed) in usage)
            {
                SqliteCommands.Execute(
                    _writer,
                    transaction,
                    "UPDATE api_keys SET last_used_at = $at WHERE id = $id AND (last_used_at IS NULL OR last_used_at < $at)",
                    ("$at", SqliteAccessRows.Utc(lastUsed)),
                    ("$id", SqliteRows.Id(keyId)));
            }

            transaction.Commit();
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            throw SqliteErrors.Wrap(e, "RecordApiKeyUsage", null, _path);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static ApiKey ChangeableKey(SqliteWrite w, Guid organizationId, Guid keyId, bool revoking)
    {
        var organization = SqliteQueries.OrganizationById(w.Connection, w.Transaction, organizationId);
        w.Organization = organization?.Slug;
        var existing = SqliteAccessQueries.KeyById(w.Connection, w.Transaction, keyId);
        AccessInvariants.ThrowIfAny(AccessInvariants.CheckChangeApiKey(existing, organizationId, organization?.Slug ?? organizationId.ToString("D"), keyId, revoking));
        return existing!;
    }
}
