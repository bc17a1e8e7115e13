using ConfigResolver.Authorization;
using ConfigResolver.Storage;
using Microsoft.Extensions.Logging;

namespace ConfigResolver.Access;

public sealed partial class ApiKeyAuthenticator
{
    /// <summary>
    /// The slow path: one indexed read by prefix, one hash, constant-time comparisons; then the key's state (revoked,
    /// expired) is reported, only to someone who proved the secret. A verified key is cached unless an invalidation raced.
    /// </summary>
    internal async ValueTask<CachedKey> MissAsync(string apiKey, CancellationToken cancellationToken)
    {
        if (!AccessSecrets.TryParseKey(apiKey, out var prefixRange, out var secretRange))
        {
            LogRefused(_logger, AccessDiagnosticCodes.InvalidApiKey, "(malformed)");
            throw new AccessException(AccessDiagnostics.InvalidApiKey(apiKey.Length));
        }

        var generation = Volatile.Read(ref _generation);
        var prefix = apiKey[prefixRange];
        var key = await _store.FindApiKeyByPrefixAsync(prefix, cancellationToken).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        var hash = _secrets.HashSecret(apiKey.AsSpan(secretRange));
        var current = key is not null && AccessSecrets.HashEquals(hash, key.SecretHash);
        var previous = !current && key?.PreviousSecretValidUntil is { } until && now < until && AccessSecrets.HashEquals(hash, key.PreviousSecretHash);
        if (key is null || !(current || previous))
        {
            LogRefused(_logger, AccessDiagnosticCodes.InvalidApiKey, prefix);
            throw new AccessException(AccessDiagnostics.InvalidApiKey(apiKey.Length));
        }

        if (key.RevokedAt is { } revoked)
        {
            LogRefused(_logger, AccessDiagnosticCodes.ApiKeyRevoked, prefix);
            throw new AccessException(AccessDiagnostics.ApiKeyRevoked(key.Id, revoked));
        }

        if (key.IsExpiredAt(now))
        {
            LogRefused(_logger, AccessDiagnosticCodes.ApiKeyExpired, prefix);
            throw new AccessException(AccessDiagnostics.ApiKeyExpired(key.Id, key.ExpiresAt!.Value));
        }

        LogVerified(_logger, key.Id, prefix);

        var entry = _cache.TryGetValue(prefix, out var existing) && existing.Key.Equals(key with { LastUsedAt = existing.Key.LastUsedAt })
            ? existing
            : new CachedKey(key, ApiKeyPrincipal.For(key));
        entry.Verified(apiKey[secretRange], previous);
        entry.Touch(now.UtcTicks);
        _cache[prefix] = entry;
        if (Volatile.Read(ref _generation) != generation)
        {
            // A revocation, rotation or reset arrived while the store was read: what was read may be older than it.
            _cache.TryRemove(new KeyValuePair<string, CachedKey>(prefix, entry));
        }

        return entry;
    }

    /// <summary>Authenticates a key and returns the stored key it is (for token issuing, which needs its expiry and organization).</summary>
    internal async ValueTask<ApiKey> AuthenticateKeyAsync(string apiKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        if (AccessSecrets.TryParseKey(apiKey, out var prefix, out var secret) && _byPrefix.TryGetValue(apiKey.AsSpan(prefix), out var cached))
        {
            var now = _time.GetUtcNow();
            if (cached.Accepts(apiKey.AsSpan(secret), now))
            {
                cached.Touch(now.UtcTicks);
                return cached.Key;
            }
        }

        return (await MissAsync(apiKey, cancellationToken).ConfigureAwait(false)).Key;
    }

    private async ValueTask<Principal> PrincipalAsync(string apiKey, CancellationToken cancellationToken) =>
        (await MissAsync(apiKey, cancellationToken).ConfigureAwait(false)).Principal;

    /// <summary>Runs on the store's feed after each commit (this instance's or another's): drops what the change makes stale.</summary>
    private void OnChange(TenantChange change)
    {
        switch (change.Kind)
        {
            case TenantChangeKind.ApiKeyChanged when change.EntityId is { } keyId:
                Interlocked.Increment(ref _generation);
                if (change.ApiKey is null || change.ApiKey.RevokedAt is not null)
                {
                    // A key that cannot be read any more is treated as revoked: tokens issued from it must stop.
                    _revoked[keyId] = change.ApiKey?.RevokedAt ?? _time.GetUtcNow();
                }

                Evict(entry => entry.Key.Id == keyId);
                break;
            case TenantChangeKind.OrganizationDeleted when change.OrganizationId is { } organizationId:
                Interlocked.Increment(ref _generation);
                _deletedOrganizations[organizationId] = 0;
                Evict(entry => entry.Key.OrganizationId == organizationId);
                break;
            case TenantChangeKind.Reset:
                Interlocked.Increment(ref _generation);
                Evict(static _ => true);
                _ = ReloadRevocationsAsync();
                break;
            default:
                break;
        }
    }

    private void Evict(Func<CachedKey, bool> which)
    {
        foreach (var (prefix, entry) in _cache)
        {
            if (which(entry) && _cache.TryRemove(new KeyValuePair<string, CachedKey>(prefix, entry)) && entry.LastUsedTicks > entry.FlushedTicks)
            {
                var used = entry.LastUsedTicks;
                _pendingUsage.AddOrUpdate(entry.Key.Id, used, (_, held) => Math.Max(held, used));
            }
        }
    }

    private async Task ReloadRevocationsAsync()
    {
        try
        {
            await LoadRevocationsAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Logged: the next reset or restart loads them again; tokens are short-lived.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogReloadFailed(_logger, e);
        }
    }

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "API key refused ({Code}), prefix {Prefix}.")]
    private static partial void LogRefused(ILogger logger, string code, string prefix);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "API key {KeyId} ({Prefix}) verified and cached.")]
    private static partial void LogVerified(ILogger logger, Guid keyId, string prefix);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Reloading revoked API keys after a feed reset failed.")]
    private static partial void LogReloadFailed(ILogger logger, Exception exception);
}
