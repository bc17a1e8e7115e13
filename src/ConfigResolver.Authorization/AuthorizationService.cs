using System.Collections.Immutable;
using ConfigResolver.Authorization.Reloading;
using ConfigResolver.Diagnostics;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Resolution;
using ConfigResolver.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConfigResolver.Authorization;

/// <summary>
/// The in-process authorization service: answers <see cref="Check"/> from the current <see cref="AuthorizationSnapshot"/>,
/// reloads the policy directory when it changes (or on <see cref="ReloadAsync"/>), and follows the store's change feed.
/// With <see cref="AuthorizationOptions.PolicySource"/> set to <see cref="PolicySourceKind.Store"/> the policy is the
/// store's current policy revision instead, switched when the feed reports a new one.
/// A reload is parsed, validated, compiled and its policy tests are run before it is published; any failure keeps
/// the last good snapshot serving and is reported through <see cref="Reloaded"/>, the log and <see cref="Status"/>.
/// </summary>
/// <remarks>
/// Safe for concurrent use. Checks read one volatile reference and never lock. Writers (reloads and feed changes)
/// build the next snapshot and publish it with one reference write, serialized by one semaphore; a reload compiles
/// and tests outside it. Create the <see cref="TenantConfigResolver"/> before the service, so the resolver's cache is
/// invalidated before the service re-reads a changed organization (feed handlers run in subscription order).
/// </remarks>
public sealed partial class AuthorizationService : IDisposable
{
    private readonly AuthorizationOptions _options;
    private readonly ITenantReader _store;
    private readonly TenantConfigResolver _resolver;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly SemaphoreSlim _reloadGate = new(1, 1);
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IDisposable? _subscription;
    private PolicyWatcher? _watcher;

    // The serving snapshot and the status. Readers take each once; writers replace them under _writeLock.
    private volatile AuthorizationSnapshot _current = null!;
    private volatile AuthorizationStatus _status = null!;

    private AuthorizationService(AuthorizationOptions options, ITenantReader store, TenantConfigResolver resolver, ILogger? logger)
    {
        _options = options;
        _store = store;
        _resolver = resolver;
        _logger = logger ?? NullLogger.Instance;
        _feedTail = _started.Task;
    }

    /// <summary>Raised after every reload attempt, on the thread that ran it.</summary>
    public event EventHandler<PolicyReloadedEventArgs>? Reloaded;

    /// <summary>The snapshot serving checks now.</summary>
    public AuthorizationSnapshot Current => _current;

    /// <summary>Revision, last successful reload time and last reload errors.</summary>
    public AuthorizationStatus Status => _status;

    /// <summary>
    /// Loads the policy directory or the store's current policy revision (running its tests), reads the store, publishes
    /// the first snapshot, then follows the change feed and, when <see cref="AuthorizationOptions.WatchForChanges"/>, the directory.
    /// </summary>
    /// <param name="options">Directory, watching, cache and clock settings.</param>
    /// <param name="store">The tenancy store.</param>
    /// <param name="resolver">The configuration resolver over the same store.</param>
    /// <param name="logger">Receives reload outcomes and feed failures.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running service.</returns>
    /// <exception cref="PolicyCompilationException">
    /// The policy has problems or a policy test fails; there is no previous policy to keep. With the store as the source,
    /// also when the store holds no policy revision (POL2040).
    /// </exception>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    public static async Task<AuthorizationService> StartAsync(
        AuthorizationOptions options, ITenantReader store, TenantConfigResolver resolver, ILogger<AuthorizationService>? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(resolver);
        var service = new AuthorizationService(options, store, resolver, logger);
        try
        {
            var (policy, policyRevision) = await service.CompileAndTestAsync(null, cancellationToken).ConfigureAwait(false);

            // Subscribe before reading the store: changes that commit during the read queue behind _started and are
            // applied after the first snapshot, re-reading the store, so none is lost.
            service._subscription = store.Subscribe(service.OnChange);
            if (options.PolicySource == PolicySourceKind.Store)
            {
                // A revision published between the load above and this subscription has no notice left to come: queue
                // one check (behind _started), which costs one read when nothing changed.
                service.OnChange(new TenantChange(TenantChangeKind.PolicyRevisionPublished));
            }

            var facts = await TenantFacts.LoadAsync(store, resolver, cancellationToken).ConfigureAwait(false);
            var now = options.TimeProvider.GetUtcNow();
            service._current = AuthorizationSnapshot.Create(policy, facts, options, revision: 1);
            service._status = new AuthorizationStatus(1, now, now, []) { PolicyRevision = policyRevision };
            service._started.SetResult();
            if (options.WatchForChanges && options.PolicySource == PolicySourceKind.Directory)
            {
                service._watcher = new PolicyWatcher(options.PolicyDirectory, options.ReloadDebounce, options.TimeProvider, service.ReloadFromWatcher);
            }

            return service;
        }
        catch
        {
            service.Dispose();
            throw;
        }
    }

    /// <summary>Decides a request on the current snapshot; see <see cref="AuthorizationSnapshot.Check"/>.</summary>
    /// <param name="principal">Who asks.</param>
    /// <param name="organization">The organization's slug.</param>
    /// <param name="action">The action.</param>
    /// <param name="resource">The resource, or null.</param>
    /// <param name="context">Time, client address and resource attributes, or null.</param>
    /// <returns>The decision, with the revision of the snapshot that answered.</returns>
    public Decision Check(Principal principal, string organization, string action, string? resource = null, CheckContext? context = null) =>
        _current.Check(principal, organization, action, resource, context);

    /// <summary>Completes when every store change received so far has been applied (for tests and tools).</summary>
    /// <returns>A task.</returns>
    public Task WhenChangesAppliedAsync()
    {
        lock (_feedLock)
        {
            return _feedTail;
        }
    }

    /// <summary>Stops watching the directory and the change feed. The last snapshot keeps answering checks.</summary>
    public void Dispose()
    {
        _watcher?.Dispose();
        _subscription?.Dispose();
        _started.TrySetResult();
    }

    /// <summary>Publishes the next snapshot and records the status; callers hold <see cref="_writeLock"/>.</summary>
    private void Publish(AuthorizationSnapshot next, bool policyReloaded)
    {
        _current = next;
        var status = _status;
        var now = _options.TimeProvider.GetUtcNow();
        _status = policyReloaded
            ? new AuthorizationStatus(next.Revision, now, now, ImmutableArray<Diagnostic>.Empty)
            : status with { Revision = next.Revision };
    }
}
