using ConfigResolver.LiteDb;
using ConfigResolver.Postgres;
using ConfigResolver.Sqlite;
using ConfigResolver.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConfigResolver.Stores;

/// <summary>
/// One way to name a store everywhere (the CLI's <c>--db</c>, a host's configuration): a SQLite path (the default),
/// <c>postgres://user:password@host:port/database</c> or an Npgsql keyword string, or <c>litedb:PATH</c>
/// (see <see cref="StoreLocation"/>).
/// </summary>
/// <remarks>
/// This assembly is the only one that references every store; the core library and each store project stay free of each
/// other, so an application that wants one store references only that store's project.
/// </remarks>
public static class TenantStoreLocator
{
    /// <summary>Opens the store a locator names, with its administration service.</summary>
    /// <param name="locator">The locator.</param>
    /// <param name="options">System slug, retention, poll interval; defaults when null.</param>
    /// <param name="baseDirectory">Where relative paths start; the current directory when null.</param>
    /// <param name="timeProvider">The clock; the system clock when null.</param>
    /// <param name="loggerFactory">Where the store and services log; nowhere when null.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>The open store; dispose it to close the store.</returns>
    /// <exception cref="InvalidStoreLocatorException">The locator is malformed (STO3003).</exception>
    /// <exception cref="TenantStoreException">The store cannot be opened or reached (STO3001); never with a password in the message.</exception>
    public static async Task<StoreTenancy> OpenAsync(
        string locator,
        ResolverOptions? options = null,
        string? baseDirectory = null,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null,
        CancellationToken cancellationToken = default)
    {
        var location = StoreLocation.Parse(locator, baseDirectory);
        options ??= new ResolverOptions();
        timeProvider ??= TimeProvider.System;
        loggerFactory ??= NullLoggerFactory.Instance;
        switch (location.Kind)
        {
            case StoreKind.Postgres:
                var postgres = await PostgresTenantStore.OpenAsync(location.Target, options, null, timeProvider, loggerFactory, cancellationToken).ConfigureAwait(false);
                return new StoreTenancy(location, postgres, postgres, options, timeProvider, loggerFactory);
            case StoreKind.LiteDb:
                var lite = await LiteDbTenantStore.OpenAsync(location.Target, options, shared: true, timeProvider, loggerFactory, cancellationToken).ConfigureAwait(false);
                return new StoreTenancy(location, lite, lite, options, timeProvider, loggerFactory);
            default:
                var sqlite = await SqliteTenantStore.OpenAsync(
                    location.Target,
                    options,
                    timeProvider,
                    loggerFactory.CreateLogger<SqliteTenantStore>(),
                    SqliteTenantStore.DefaultBusyTimeout,
                    cancellationToken).ConfigureAwait(false);
                return new StoreTenancy(location, sqlite, sqlite, options, timeProvider, loggerFactory);
        }
    }
}
