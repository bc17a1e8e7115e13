using ConfigResolver.Resolution;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ConfigResolver.Stores;

/// <summary>
/// An open store of any kind with the services a tool or a small host needs over it: the <see cref="TenantAdministration"/>
/// that validates writes, and resolvers. Made by <see cref="TenantStoreLocator.OpenAsync"/>.
/// </summary>
/// <remarks>Safe for concurrent use, like the parts it holds. Disposing it closes the store; dispose resolvers you created first.</remarks>
public sealed class StoreTenancy : IAsyncDisposable
{
    private readonly IAsyncDisposable _owner;
    private readonly ILoggerFactory _loggerFactory;
    private readonly TimeProvider _timeProvider;

    internal StoreTenancy(StoreLocation location, ITenantStore store, IAsyncDisposable owner, ResolverOptions options, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        Location = location;
        Store = store;
        _owner = owner;
        Options = options;
        _timeProvider = timeProvider;
        _loggerFactory = loggerFactory;
        Administration = new TenantAdministration(store, timeProvider, loggerFactory.CreateLogger<TenantAdministration>());
    }

    /// <summary>Gets where the store is (<see cref="StoreLocation.Display"/> shows it without a password).</summary>
    public StoreLocation Location { get; }

    /// <summary>Gets the open store.</summary>
    public ITenantStore Store { get; }

    /// <summary>Gets the administration service writing through <see cref="Store"/>.</summary>
    public TenantAdministration Administration { get; }

    /// <summary>Gets the options the store was opened with and resolvers use.</summary>
    public ResolverOptions Options { get; }

    /// <summary>
    /// Gets whether the store is following other processes' or instances' writes (PostgreSQL listener, file poll), for
    /// health checks; always up for a store that has nothing to follow.
    /// </summary>
    public ChangeFeedHealth FeedHealth => Store is IChangeFeedHealth health ? health.FeedHealth : new ChangeFeedHealth(true, DateTimeOffset.MinValue, null);

    /// <summary>Creates a resolver over the store; the caller disposes it.</summary>
    /// <param name="environment">The environment layer; the process's environment variables when null.</param>
    /// <returns>The resolver, following the store's change feed.</returns>
    /// <exception cref="ConfigResolutionException">An environment value or mapping is invalid (CFG1030, CFG1031).</exception>
    public TenantConfigResolver CreateResolver(IConfiguration? environment = null) =>
        new(Store, environment, Microsoft.Extensions.Options.Options.Create(Options), _timeProvider, _loggerFactory.CreateLogger<TenantConfigResolver>());

    /// <summary>Stops following other writers and closes the store.</summary>
    /// <returns>A task that completes when the store is closed.</returns>
    public ValueTask DisposeAsync() => _owner.DisposeAsync();
}
