using ConfigResolver.Authorization;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Hosting;

/// <summary>
/// What a started host holds: the open store, its administration, the resolver and, when policies are configured, the
/// authorization service. The hosted service fills it when the host starts and empties it when the host stops; the
/// small interfaces (<see cref="ITenantConfigResolver"/>, <see cref="IAuthorizationChecker"/>) read through it.
/// </summary>
/// <remarks>
/// Safe for concurrent use. The state is one immutable object published with one reference write, so a reader sees
/// either nothing (not started: <see cref="InvalidOperationException"/>) or everything.
/// </remarks>
public sealed class ConfigResolverRuntime
{
    private volatile RuntimeState? _state;

    /// <summary>Gets a value indicating whether the host has started and not yet stopped.</summary>
    public bool IsStarted => _state is not null;

    /// <summary>Gets the open store.</summary>
    /// <exception cref="InvalidOperationException">The host has not started, or has stopped.</exception>
    public ITenantStore Store => State.Store;

    /// <summary>Gets the administration over the store (validated writes).</summary>
    /// <exception cref="InvalidOperationException">The host has not started, or has stopped.</exception>
    public TenantAdministration Administration => State.Administration;

    /// <summary>Gets the resolver, whose cache the store's change feed keeps current.</summary>
    /// <exception cref="InvalidOperationException">The host has not started, or has stopped.</exception>
    public Resolution.TenantConfigResolver Resolver => State.Resolver;

    /// <summary>Gets the authorization service, or null when no policy source is configured.</summary>
    /// <exception cref="InvalidOperationException">The host has not started, or has stopped.</exception>
    public AuthorizationService? Authorization => State.Authorization;

    /// <summary>Gets how the store is named in messages (a PostgreSQL store without its password).</summary>
    /// <exception cref="InvalidOperationException">The host has not started, or has stopped.</exception>
    public string StoreDisplay => State.StoreDisplay;

    /// <summary>Gets the change feed's health: up, or down since when and why. A store with no feed to lose is always up.</summary>
    /// <exception cref="InvalidOperationException">The host has not started, or has stopped.</exception>
    public ChangeFeedHealth FeedHealth => State.Store is IChangeFeedHealth health ? health.FeedHealth : new ChangeFeedHealth(true, State.StartedAt, null);

    internal RuntimeState State => _state ?? throw new InvalidOperationException(
        "ConfigResolver has not started: resolve its services after the host has started (IHost.StartAsync or app.Run).");

    internal RuntimeState? TryState => _state;

    internal void Publish(RuntimeState? state) => _state = state;
}
