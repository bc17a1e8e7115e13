using System.Collections.Concurrent;
using ConfigResolver.Authorization;
using ConfigResolver.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConfigResolver.Access;

/// <summary>
/// Turns a presented API key into the <see cref="Principal"/> it acts as. The first use of a key reads it by its prefix
/// (one indexed read), hashes the secret and compares hashes in constant time; later uses compare the secret with the one
/// verified before, in constant time, without touching the store or allocating.
/// </summary>
/// <remarks>
/// <para>
/// Safe for concurrent use; readers never wait. Revocation and rotation arrive on the store's change feed (from this or any
/// other instance) and drop the key from the cache, so a revoked key is refused from the next authentication on; expiry
/// is checked on every call. Organization deletion and a feed reset drop what they concern.
/// </para>
/// <para>
/// Last-used times are collected in memory and written in one batch every <see cref="AccessOptions.UsageFlushInterval"/>
/// (and on dispose), never one write per request. The cache holds verified secrets in process memory; a process that can
/// read its own memory could read them, as it could read the requests carrying them.
/// </para>
/// </remarks>
public sealed partial class ApiKeyAuthenticator : IAsyncDisposable
{
    private readonly ITenantStore _store;
    private readonly AccessOptions _options;
    private readonly AccessSecrets _secrets;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, CachedKey> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CachedKey>.AlternateLookup<ReadOnlySpan<char>> _byPrefix;
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> _revoked = new();
    private readonly ConcurrentDictionary<Guid, byte> _deletedOrganizations = new();
    private readonly ConcurrentDictionary<Guid, long> _pendingUsage = new();
    private readonly IDisposable _subscription;
    private readonly ITimer _flushTimer;
    private readonly SemaphoreSlim _flushing = new(1, 1);

    // Bumped on every invalidation; a cache fill that raced with one does not keep what it read (see MissAsync).
    private long _generation;
    private int _disposed;

    /// <summary>Creates an authenticator over a store and starts following its change feed.</summary>
    /// <param name="store">The store.</param>
    /// <param name="options">Pepper, clock and flush interval; defaults when null.</param>
    /// <param name="logger">Logs failed flushes and feed errors (never a secret).</param>
    public ApiKeyAuthenticator(ITenantStore store, AccessOptions? options = null, ILogger<ApiKeyAuthenticator>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _options = options ?? new AccessOptions();
        _secrets = new AccessSecrets(_options);
        _time = _options.TimeProvider;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _byPrefix = _cache.GetAlternateLookup<ReadOnlySpan<char>>();
        _subscription = store.Subscribe(OnChange);
        var interval = _options.UsageFlushInterval > TimeSpan.Zero ? _options.UsageFlushInterval : AccessOptions.DefaultUsageFlushInterval;
        _flushTimer = _time.CreateTimer(static state => _ = ((ApiKeyAuthenticator)state!).FlushInBackgroundAsync(), this, interval, interval);
    }

    /// <summary>
    /// Loads the keys revoked within the longest token lifetime, so tokens issued from them before this instance started
    /// are refused too (<see cref="AccessTokenService"/>). Call once after construction when verifying tokens.
    /// </summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>A task that completes when the revocations are known.</returns>
    public async Task LoadRevocationsAsync(CancellationToken cancellationToken = default)
    {
        foreach (var key in await _store.ListApiKeysRevokedSinceAsync(_time.GetUtcNow() - AccessOptions.MaxTokenLifetime, cancellationToken).ConfigureAwait(false))
        {
            _revoked[key.Id] = key.RevokedAt!.Value;
        }
    }

    /// <summary>Authenticates a presented key.</summary>
    /// <param name="apiKey">The key text, <c>cfgr_&lt;prefix&gt;_&lt;secret&gt;</c>.</param>
    /// <param name="cancellationToken">Cancels a store read.</param>
    /// <returns>The principal: the key's id, organization, scopes and user.</returns>
    /// <exception cref="AccessException">Not a valid key (ACC5001: malformed, unknown or wrong secret), revoked (ACC5002) or expired (ACC5003).</exception>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    public ValueTask<Principal> AuthenticateAsync(string apiKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        if (AccessSecrets.TryLocateKey(apiKey, out var prefix, out var secret) && _byPrefix.TryGetValue(apiKey.AsSpan(prefix), out var cached))
        {
            var now = _time.GetUtcNow();
            if (cached.Accepts(apiKey.AsSpan(secret), now))
            {
                cached.Touch(now.UtcTicks);
                return new ValueTask<Principal>(cached.Principal);
            }
        }

        return PrincipalAsync(apiKey, cancellationToken);
    }

    /// <summary>Whether a key is known (from the store at start or the change feed since) to be revoked, its organization deleted included.</summary>
    /// <param name="keyId">The key.</param>
    /// <param name="organizationId">The key's organization.</param>
    /// <returns>True when tokens issued from the key must be refused.</returns>
    public bool IsRevoked(Guid keyId, Guid organizationId) => _revoked.ContainsKey(keyId) || _deletedOrganizations.ContainsKey(organizationId);

    /// <summary>Writes the last-used times collected since the previous flush, in one batch.</summary>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the batch is written.</returns>
    public async Task FlushUsageAsync(CancellationToken cancellationToken = default)
    {
        await _flushing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var batch = new Dictionary<Guid, (long Ticks, CachedKey? Entry)>();
            foreach (var (keyId, ticks) in _pendingUsage)
            {
                if (_pendingUsage.TryRemove(new KeyValuePair<Guid, long>(keyId, ticks)))
                {
                    batch[keyId] = (ticks, null);
                }
            }

            foreach (var entry in _cache.Values)
            {
                var used = entry.LastUsedTicks;
                if (used > entry.FlushedTicks && (!batch.TryGetValue(entry.Key.Id, out var seen) || seen.Ticks < used))
                {
                    batch[entry.Key.Id] = (used, entry);
                }
            }

            if (batch.Count == 0)
            {
                return;
            }

            try
            {
                await _store.RecordApiKeyUsageAsync([.. batch.Select(static b => new ApiKeyUsage(b.Key, new DateTimeOffset(b.Value.Ticks, TimeSpan.Zero)))], cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                // Kept for the next flush: nothing collected is dropped because one write failed.
                foreach (var (keyId, (ticks, _)) in batch)
                {
                    _pendingUsage.AddOrUpdate(keyId, ticks, (_, held) => Math.Max(held, ticks));
                }

                throw;
            }

            foreach (var (_, (ticks, entry)) in batch)
            {
                entry?.MarkFlushed(ticks);
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    /// <summary>Stops following the feed and the timer, and flushes the last-used times one last time.</summary>
    /// <returns>A task that completes when the last batch is written.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _subscription.Dispose();
        await _flushTimer.DisposeAsync().ConfigureAwait(false);
        try
        {
            await FlushUsageAsync().ConfigureAwait(false);
        }
        catch (ConfigResolver.Diagnostics.ConfigResolverException e)
        {
            LogFlushFailed(_logger, e);
        }

        _flushing.Dispose();
    }

    private async Task FlushInBackgroundAsync()
    {
        try
        {
            await FlushUsageAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A failed flush is logged and retried at the next interval; the times stay pending.
        catch (Exception e) when (e is not ObjectDisposedException)
#pragma warning restore CA1031
        {
            LogFlushFailed(_logger, e);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Writing API key last-used times failed; they are kept for the next flush.")]
    private static partial void LogFlushFailed(ILogger logger, Exception exception);
}
