using System.Collections.Immutable;
using ConfigResolver.Access;
using ConfigResolver.Auditing;

namespace ConfigResolver.Storage;

public sealed partial class InMemoryTenantStore
{
    /// <inheritdoc/>
    public ValueTask<ApiKey?> GetApiKeyAsync(Guid keyId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new(State.ApiKeys.GetValueOrDefault(keyId));
    }

    /// <inheritdoc/>
    public ValueTask<ApiKey?> FindApiKeyByPrefixAsync(string prefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        cancellationToken.ThrowIfCancellationRequested();
        var state = State;
        return new(state.ApiKeysByPrefix.TryGetValue(prefix, out var id) ? state.ApiKeys[id] : null);
    }

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<ApiKey>> ListApiKeysAsync(Guid organizationId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new([.. State.ApiKeys.Values.Where(k => k.OrganizationId == organizationId).OrderBy(static k => k.CreatedAt).ThenBy(static k => k.Id)]);
    }

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<ApiKey>> ListApiKeysRevokedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new([.. State.ApiKeys.Values.Where(k => k.RevokedAt >= since).OrderBy(static k => k.RevokedAt).ThenBy(static k => k.Id)]);
    }

    /// <inheritdoc/>
    public Task CreateApiKeyAsync(ApiKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return WriteAsync(state =>
        {
            AccessInvariants.ThrowIfAny(AccessInvariants.CheckCreateApiKey(
                key,
                state.Organizations.GetValueOrDefault(key.OrganizationId),
                idExists: state.ApiKeys.ContainsKey(key.Id),
                prefixTaken: state.ApiKeysByPrefix.ContainsKey(key.Prefix)));
            Commerce.CommerceRules.CheckApiKey(key.OrganizationSlug, state.CommerceOf(key.OrganizationId), state.CountsOf(key.OrganizationId, key.CreatedAt), key.Team);
            return (state.WithApiKey(key), [TenantChange.ApiKeyChanged(key)], AccessAuditEvents.ApiKeyCreated(key));
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<ApiKey> RotateApiKeyAsync(ApiKeyRotation rotation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rotation);
        ApiKey? written = null;
        await WriteAsync(state =>
        {
            var existing = state.ApiKeys.GetValueOrDefault(rotation.KeyId);
            AccessInvariants.ThrowIfAny(AccessInvariants.CheckChangeApiKey(existing, rotation.OrganizationId, SlugOf(state, rotation.OrganizationId), rotation.KeyId, revoking: false));
            written = existing! with
            {
                SecretHash = rotation.SecretHash,
                PreviousSecretHash = rotation.PreviousValidUntil is null ? null : existing.SecretHash,
                PreviousSecretValidUntil = rotation.PreviousValidUntil,
                RotatedAt = rotation.At,
            };
            return (state.WithApiKey(written), [TenantChange.ApiKeyChanged(written)], AccessAuditEvents.ApiKeyRotated(existing, written));
        }, cancellationToken).ConfigureAwait(false);
        return written!;
    }

    /// <inheritdoc/>
    public async Task<ApiKey> RevokeApiKeyAsync(Guid organizationId, Guid keyId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ApiKey? written = null;
        await WriteAsync(state =>
        {
            var existing = state.ApiKeys.GetValueOrDefault(keyId);
            AccessInvariants.ThrowIfAny(AccessInvariants.CheckChangeApiKey(existing, organizationId, SlugOf(state, organizationId), keyId, revoking: true));
            written = existing! with { RevokedAt = at, PreviousSecretHash = null, PreviousSecretValidUntil = null };
            return (state.WithApiKey(written), [TenantChange.ApiKeyChanged(written)], AccessAuditEvents.ApiKeyRevoked(written));
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

        lock (_writeLock)
        {
            // Telemetry, not a write anyone follows: no log row, no audit event, no change published.
            var keys = _state.ApiKeys;
            foreach (var (keyId, lastUsed) in usage)
            {
                if (keys.TryGetValue(keyId, out var key) && (key.LastUsedAt is null || key.LastUsedAt < lastUsed))
                {
                    keys = keys.SetItem(keyId, key with { LastUsedAt = lastUsed });
                }
            }

            Volatile.Write(ref _state, _state with { ApiKeys = keys });
        }

        return Task.CompletedTask;
    }

    private static string SlugOf(InMemoryStoreState state, Guid organizationId) =>
        state.Organizations.TryGetValue(organizationId, out var organization) ? organization.Slug : organizationId.ToString("D");
}
