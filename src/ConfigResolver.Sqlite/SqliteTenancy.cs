using ConfigResolver.Resolution;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConfigResolver.Sqlite;

/// <summary>
/// Everything a tool or a small host needs over one SQLite file, without a DI container: the open
/// <see cref="SqliteTenantStore"/>, the <see cref="TenantAdministration"/> that validates writes to it, and resolvers over it.
/// </summary>
/// <example>
/// <code>
/// await using var tenancy = await SqliteTenancy.OpenAsync("configresolver.db");
/// await tenancy.Administration.CreateOrganizationAsync(new CreateOrganizationRequest { Slug = "acme", Name = "Acme" });
/// using var resolver = tenancy.CreateResolver();
/// var config = await resolver.ResolveAsync("acme");
/// </code>
/// </example>
/// <remarks>Safe for concurrent use, like the parts it holds. Disposing it closes the store; dispose resolvers you created first.</remarks>
public sealed class SqliteTenancy : IAsyncDisposable
{
    private readonly ILoggerFactory _loggerFactory;
    private readonly TimeProvider _timeProvider;

    private SqliteTenancy(SqliteTenantStore store, ResolverOptions options, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        Store = store;
        Options = options;
        _timeProvider = timeProvider;
        _loggerFactory = loggerFactory;
        Administration = new TenantAdministration(store, timeProvider, loggerFactory.CreateLogger<TenantAdministration>(), options.DocumentLimits);
    }

    /// <summary>Gets the open store.</summary>
    public SqliteTenantStore Store { get; }

    /// <summary>Gets the administration service writing through <see cref="Store"/>.</summary>
    public TenantAdministration Administration { get; }

    /// <summary>Gets the options the store was opened with and resolvers use.</summary>
    public ResolverOptions Options { get; }

    /// <summary>Opens (creating if needed) the database file and builds the services over it.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="options">System slug, secret sharing and environment mapping; defaults when null.</param>
    /// <param name="timeProvider">The clock for every created or updated time; the system clock when null.</param>
    /// <param name="loggerFactory">Where the store, administration and resolvers log; nowhere when null.</param>
    /// <param name="cancellationToken">Cancels before the file is opened.</param>
    /// <returns>The open tenancy; dispose it to close the file.</returns>
    /// <exception cref="ArgumentException">The path is empty or the system slug is invalid.</exception>
    /// <exception cref="TenantStoreException">The file cannot be opened or used (see <see cref="SqliteTenantStore.OpenAsync(string, ResolverOptions?, TimeProvider?, CancellationToken)"/>).</exception>
    public static async Task<SqliteTenancy> OpenAsync(
        string path,
        ResolverOptions? options = null,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new ResolverOptions();
        timeProvider ??= TimeProvider.System;
        loggerFactory ??= NullLoggerFactory.Instance;
        var store = await SqliteTenantStore.OpenAsync(
            path,
            options,
            timeProvider,
            loggerFactory.CreateLogger<SqliteTenantStore>(),
            SqliteTenantStore.DefaultBusyTimeout,
            cancellationToken).ConfigureAwait(false);
        return new SqliteTenancy(store, options, timeProvider, loggerFactory);
    }

    /// <summary>Creates a resolver over the store; the caller disposes it.</summary>
    /// <param name="environment">The environment layer; the process's environment variables when null.</param>
    /// <returns>The resolver, following the store's change feed.</returns>
    /// <exception cref="ConfigResolutionException">An environment value or mapping is invalid (CFG1030, CFG1031).</exception>
    public TenantConfigResolver CreateResolver(IConfiguration? environment = null) =>
        new(Store, environment, Microsoft.Extensions.Options.Options.Create(Options), _timeProvider, _loggerFactory.CreateLogger<TenantConfigResolver>());

    /// <summary>Closes the store.</summary>
    /// <returns>A task that completes when the file is closed.</returns>
    public ValueTask DisposeAsync() => Store.DisposeAsync();
}
