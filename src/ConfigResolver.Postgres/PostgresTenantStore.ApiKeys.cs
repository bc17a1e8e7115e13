using System.Collections.Immutable;
using ConfigResolver.Access;
using ConfigResolver.Auditing;
using ConfigResolver.Postgres.Internal;
using ConfigResolver.Storage;

namespace ConfigResolver.Postgres;

public sealed partial class PostgresTenantStore
{
    /// <inheritdoc/>
    public ValueTask<ApiKey?> GetApiKeyAsync(Guid keyId, CancellationToken cancellationToken = default) =>
        ReadAsync("GetApiKey", null, (c, ct) => PgAccessQueries.KeyByIdAsync(c, null, keyId, ct), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<ApiKey?> FindApiKeyByPrefixAsync(string prefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return ReadAsync("FindApiKeyByPrefix", null, (c, ct) => PgAccessQueries.KeyByPrefixAsync(c, null, prefix, ct), cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<ApiKey>> ListApiKeysAsync(Guid organizationId, CancellationToken cancellationToken = default) =>
        ReadAsync("ListApiKeys", null, async (c, ct) => (await PgAccessQueries.KeysOfOrganizationAsync(c, null, organizationId, ct).ConfigureAwait(false)).ToImmutableArray(), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<ApiKey>> ListApiKeysRevokedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        ReadAsync("ListApiKeysRevokedSince", null, async (c, ct) => (await PgAccessQueries.KeysRevokedSinceAsync(c, null, since, ct).ConfigureAwait(false)).ToImmutableArray(), cancellationToken);

    /// <inheritdoc/>
    public Task CreateApiKeyAsync(ApiKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return WriteAsync("CreateApiKey", key.OrganizationSlug, async w =>
        {
            var (c, t, ct) = (w.Connection, w.Transaction, w.CancellationToken);
            AccessInvariants.ThrowIfAny(AccessInvariants.CheckCreateApiKey(
                key,
                await PgQueries.OrganizationByIdAsync(c, t, key.OrganizationId, ct).ConfigureAwait(false),
                idExists: await PgAccessQueries.KeyByIdAsync(c, t, key.Id, ct).ConfigureAwait(false) is not null,
                prefixTaken: await PgAccessQueries.KeyByPrefixAsync(c, t, key.Prefix, ct).ConfigureAwait(false) is not null));
            await PgCommerceQueries.CheckApiKeyAsync(w.Connection, w.Transaction, key.OrganizationId, key.OrganizationSlug, key.CreatedAt, key.Team, w.CancellationToken).ConfigureAwait(false);
            await w.ExecuteAsync(PgAccessQueries.InsertKeySql, PgAccessRows.KeyParameters(key)).ConfigureAwait(false);
            w.Audit = AccessAuditEvents.ApiKeyCreated(key);
            return [TenantChange.ApiKeyChanged(key)];
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<ApiKey> RotateApiKeyAsync(ApiKeyRotation rotation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rotation);
        ApiKey? written = null;
        await WriteAsync("RotateApiKey", null, async w =>
        {
            var existing = await ChangeableKeyAsync(w, rotation.OrganizationId, rotation.KeyId, revoking: false).ConfigureAwait(false);
            written = existing with
            {
                SecretHash = rotation.SecretHash,
                PreviousSecretHash = rotation.PreviousValidUntil is null ? null : existing.SecretHash,
                PreviousSecretValidUntil = rotation.PreviousValidUntil,
                RotatedAt = rotation.At,
            };
            await w.ExecuteAsync(PgAccessQueries.UpdateKeySql, PgAccessRows.KeyParameters(written)).ConfigureAwait(false);
            w.Audit = AccessAuditEvents.ApiKeyRotated(existing, written);
            return [TenantChange.ApiKeyChanged(written)];
        }, cancellationToken).ConfigureAwait(false);
        return written!;
    }

    /// <inheritdoc/>
    public async Task<ApiKey> RevokeApiKeyAsync(Guid organizationId, Guid keyId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ApiKey? written = null;
        await WriteAsync("RevokeApiKey", null, async w =>
        {
            var existing = await ChangeableKeyAsync(w, organizationId, keyId, revoking: true).ConfigureAwait(false);
            written = existing with { RevokedAt = at, PreviousSecretHash = null, PreviousSecretValidUntil = null };
            await w.ExecuteAsync(PgAccessQueries.UpdateKeySql, PgAccessRows.KeyParameters(written)).ConfigureAwait(false);
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
        try
        {
            // Telemetry, in one statement: no head lock (it must not serialize with administrative writes), no log row,
            // no audit event; each time only moves forward, so concurrent flushes from several instances agree.
            var ids = usage.Select(static u => u.KeyId).ToArray();
            var times = usage.Select(static u => PgAccessRows.Utc(u.LastUsedAt)).ToArray();
            var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                await PgCommands.ExecuteAsync(
                    connection,
                    null,
                    "UPDATE api_keys k SET last_used_at = u.at FROM unnest(@ids, @times) AS u(id, at) "
                    + "WHERE k.id = u.id AND (k.last_used_at IS NULL OR k.last_used_at < u.at COLLATE \"C\")",
                    cancellationToken,
                    ("ids", ids),
                    ("times", times)).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (PgErrors.IsProviderFailure(e) && !cancellationToken.IsCancellationRequested)
        {
            throw PgErrors.Wrap(e, "RecordApiKeyUsage", null, _server);
        }
    }

    private static async Task<ApiKey> ChangeableKeyAsync(PgWrite w, Guid organizationId, Guid keyId, bool revoking)
    {
        var organization = await PgQueries.OrganizationByIdAsync(w.Connection, w.Transaction, organizationId, w.CancellationToken).ConfigureAwait(false);
        w.Organization = organization?.Slug;
        var existing = await PgAccessQueries.KeyByIdAsync(w.Connection, w.Transaction, keyId, w.CancellationToken).ConfigureAwait(false);
        AccessInvariants.ThrowIfAny(AccessInvariants.CheckChangeApiKey(existing, organizationId, organization?.Slug ?? organizationId.ToString("D"), keyId, revoking));
        return existing!;
    }
}
