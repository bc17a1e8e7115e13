using System.Collections.Concurrent;
using ConfigResolver.Configuration;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ConfigResolver.Resolution;

/// <summary>
/// Resolves an organization's configuration per value: organization, then environment, then system organization,
/// then built-in defaults, with provenance. Snapshots are cached per organization and setup and invalidated by the
/// store's change feed: a write to an organization evicts its snapshots; a system-organization write evicts the
/// snapshots that used a value it changed.
/// </summary>
/// <remarks>
/// Safe for concurrent use. A cached resolve completes synchronously and allocates nothing; readers never wait for
/// writers. Changes written by other processes or instances arrive on the same feed (read from the store's change log)
/// and invalidate exactly like local ones; a <see cref="TenantChangeKind.Reset"/> drops every snapshot. The environment
/// is read once, at construction. Dispose to stop following the change feed.
/// </remarks>
public sealed partial class TenantConfigResolver : IDisposable
{
    private readonly ITenantReader _store;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly LayerValues _environment;
    private readonly SecretSharing _sharing;
    private readonly ConcurrentDictionary<string, OrgCacheSlot> _slots = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, string> _slugsById = new();
    private readonly IDisposable _subscription;

    // The system organization as last seen, and a generation bumped on every system write. Replaced by
    // compare-and-swap; readers take it once per resolve.
    private SystemState _system = new(0, null);

    // The highest store revision whose change this resolver has applied (raised after the invalidation it causes).
    // A miss reads it before reading the store, so the snapshot it builds reflects at least that revision.
    private long _appliedRevision;

    /// <summary>Creates a resolver over a store.</summary>
    /// <param name="store">The tenancy store; its change feed drives invalidation.</param>
    /// <param name="environment">The environment layer; environment variables when null.</param>
    /// <param name="options">Sharing and environment-mapping options; defaults when null.</param>
    /// <param name="timeProvider">The clock for <see cref="TenantConfig.ResolvedAt"/>; the system clock when null.</param>
    /// <param name="logger">Logs snapshot builds and evictions.</param>
    /// <exception cref="ConfigResolutionException">An environment value or mapping is invalid (CFG1030, CFG1031); every problem is listed.</exception>
    public TenantConfigResolver(
        ITenantReader store,
        IConfiguration? environment = null,
        IOptions<ResolverOptions>? options = null,
        TimeProvider? timeProvider = null,
        ILogger<TenantConfigResolver>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        var settings = options?.Value ?? new ResolverOptions();
        _sharing = new SecretSharing(settings);
        _environment = EnvironmentLayerBuilder.Build(environment ?? new ConfigurationBuilder().AddEnvironmentVariables().Build(), settings, out var diagnostics);
        if (!diagnostics.IsDefaultOrEmpty)
        {
            throw new ConfigResolutionException(diagnostics);
        }

        _subscription = store.Subscribe(OnChange);

        // After subscribing: every change published later reaches OnChange, and everything up to this revision is
        // in what a miss reads. Max, because a change may already have been applied in between.
        RaiseAppliedRevision(store.PublishedRevision);
    }

    /// <summary>
    /// Gets the highest store revision whose change this resolver has applied (its invalidations are done); snapshots
    /// built from now on reflect at least this revision.
    /// </summary>
    public long AppliedStoreRevision => Volatile.Read(ref _appliedRevision);

    /// <summary>Resolves an organization's configuration, from the cache when possible.</summary>
    /// <param name="organizationSlug">The organization's slug.</param>
    /// <param name="setup">The setup; <c>default</c> when null.</param>
    /// <param name="cancellationToken">Cancels a store read on a cache miss.</param>
    /// <returns>The snapshot; completed synchronously on a cache hit.</returns>
    /// <exception cref="ConfigResolutionException">Unknown organization (TEN2005) or setup (CFG1020).</exception>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    public ValueTask<TenantConfig> ResolveAsync(string organizationSlug, string? setup = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organizationSlug);
        setup ??= ConfigKeys.DefaultSetup;
        if (_slots.TryGetValue(organizationSlug, out var slot) && slot.TryGet(setup, out var config))
        {
            return new ValueTask<TenantConfig>(config);
        }

        return ResolveMissAsync(organizationSlug, setup, cancellationToken);
    }

    /// <summary>Resolves an organization's configuration by id.</summary>
    /// <param name="organizationId">The organization's id.</param>
    /// <param name="setup">The setup; <c>default</c> when null.</param>
    /// <param name="cancellationToken">Cancels a store read on a cache miss.</param>
    /// <returns>The snapshot; completed synchronously on a cache hit.</returns>
    /// <exception cref="ConfigResolutionException">Unknown organization (TEN2005) or setup (CFG1020).</exception>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    public ValueTask<TenantConfig> ResolveAsync(Guid organizationId, string? setup = null, CancellationToken cancellationToken = default)
    {
        setup ??= ConfigKeys.DefaultSetup;
        if (_slugsById.TryGetValue(organizationId, out var slug)
            && _slots.TryGetValue(slug, out var slot)
            && slot.TryGet(setup, out var config)
            && config.OrganizationId == organizationId)
        {
            return new ValueTask<TenantConfig>(config);
        }

        return ResolveByIdMissAsync(organizationId, setup, cancellationToken);
    }

    /// <summary>Resolves the configuration a user acts under: their default organization, or the system organization when they have none.</summary>
    /// <param name="userId">The user's id.</param>
    /// <param name="setup">The setup; <c>default</c> when null.</param>
    /// <param name="cancellationToken">Cancels the store reads.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ConfigResolutionException">Unknown user (TEN2006) or setup (CFG1020).</exception>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    public async ValueTask<TenantConfig> ResolveForUserAsync(Guid userId, string? setup = null, CancellationToken cancellationToken = default)
    {
        var user = await _store.GetUserAsync(userId, cancellationToken).ConfigureAwait(false)
            ?? throw new ConfigResolutionException([TenancyDiagnostics.UnknownUser(userId.ToString())]);
        return await ResolveForUserAsync(user, setup, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Resolves the configuration a user, found by email (case-insensitive), acts under.</summary>
    /// <param name="email">The user's email.</param>
    /// <param name="setup">The setup; <c>default</c> when null.</param>
    /// <param name="cancellationToken">Cancels the store reads.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ConfigResolutionException">Unknown user (TEN2006) or setup (CFG1020).</exception>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    public async ValueTask<TenantConfig> ResolveForUserByEmailAsync(string email, string? setup = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        var user = await _store.FindUserByEmailAsync(email, cancellationToken).ConfigureAwait(false)
            ?? throw new ConfigResolutionException([TenancyDiagnostics.UnknownUser(email)]);
        return await ResolveForUserAsync(user, setup, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Resolves the system organization's configuration (what a user without an organization gets).</summary>
    /// <param name="setup">The setup; <c>default</c> when null.</param>
    /// <param name="cancellationToken">Cancels a store read on a cache miss.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="ConfigResolutionException">Unknown setup (CFG1020).</exception>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    public ValueTask<TenantConfig> ResolveSystemAsync(string? setup = null, CancellationToken cancellationToken = default)
    {
        var system = Volatile.Read(ref _system).Organization;
        return system is not null
            ? ResolveAsync(system.Slug, setup, cancellationToken)
            : ResolveSystemMissAsync(setup, cancellationToken);
    }

    /// <summary>Stops following the store's change feed. Cached snapshots are no longer invalidated afterwards.</summary>
    public void Dispose() => _subscription.Dispose();

    private async ValueTask<TenantConfig> ResolveForUserAsync(User user, string? setup, CancellationToken cancellationToken) =>
        user.DefaultOrganizationId is { } organizationId
            ? await ResolveAsync(organizationId, setup, cancellationToken).ConfigureAwait(false)
            : await ResolveSystemAsync(setup, cancellationToken).ConfigureAwait(false);

    private async ValueTask<TenantConfig> ResolveSystemMissAsync(string? setup, CancellationToken cancellationToken)
    {
        var system = await GetSystemAsync(cancellationToken).ConfigureAwait(false);
        return await ResolveAsync(system.Organization!.Slug, setup, cancellationToken).ConfigureAwait(false);
    }

    private sealed record SystemState(long Generation, Organization? Organization);
}
