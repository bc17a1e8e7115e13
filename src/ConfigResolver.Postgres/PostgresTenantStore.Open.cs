using System.Data;
using ConfigResolver.Postgres.ChangeFeed;
using ConfigResolver.Postgres.Internal;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ConfigResolver.Postgres;

public sealed partial class PostgresTenantStore
{
    private PostgresTenantStore(NpgsqlDataSource dataSource, string server, ResolverOptions options, PostgresStoreOptions postgres, TimeProvider time, ILogger logger)
    {
        _dataSource = dataSource;
        _server = server;
        _timeProvider = time;
        _retention = options.ChangeLogRetention;
        _channel = postgres.Channel;
        _logger = logger;
        _changes = new TenantChangeBroadcaster(logger);
    }

    /// <summary>
    /// Opens the store on an existing database, ready to use: pending schema migrations applied (once, whichever instance
    /// gets there first), on first open the one system organization created, and the change listener started.
    /// </summary>
    /// <param name="connectionString">An Npgsql connection string (<c>Host=...;Username=...;Password=...;Database=...</c>).</param>
    /// <param name="options">System slug for first open and change-log retention; defaults when null.</param>
    /// <param name="postgres">Channel, listening and reconnect delays; defaults when null.</param>
    /// <param name="timeProvider">The clock for creation times, log rows and the listener's health; the system clock when null.</param>
    /// <param name="loggerFactory">Where the store and its listener log; nowhere when null.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>The open store; dispose it to stop the listener and close its connections.</returns>
    /// <exception cref="ArgumentException">The connection string is malformed or the system slug is invalid.</exception>
    /// <exception cref="TenantStoreException">
    /// The server cannot be reached, refuses the credentials, has no such database, or was migrated by a newer version.
    /// </exception>
    public static async Task<PostgresTenantStore> OpenAsync(
        string connectionString,
        ResolverOptions? options = null,
        PostgresStoreOptions? postgres = null,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        options ??= new ResolverOptions();
        postgres ??= new PostgresStoreOptions();
        var time = timeProvider ?? TimeProvider.System;
        if (!TenancyRules.IsValidSlug(options.SystemSlug))
        {
            throw new ArgumentException($"The system slug must be {TenancyRules.SlugExpectation}.", nameof(options));
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            // Npgsql's message may quote the offending value; the password could be that value, so it is not repeated.
            throw new ArgumentException("The PostgreSQL connection string is malformed: " + e.Message.Split('\'')[0].TrimEnd(' ', ':') + ".", nameof(connectionString));
        }

        var server = PgConnectionInfo.Describe(builder);
        var logger = loggerFactory?.CreateLogger<PostgresTenantStore>() ?? (ILogger)NullLogger.Instance;
        var dataSource = NpgsqlDataSource.Create(builder);
        try
        {
            long head;
            var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                await PgMigrator.ApplyAsync(connection, time, server, cancellationToken).ConfigureAwait(false);
                await EnsureSystemOrganizationAsync(connection, options.SystemSlug, time, postgres.Channel, cancellationToken).ConfigureAwait(false);
                head = await PgChangeLog.HeadAsync(connection, null, cancellationToken).ConfigureAwait(false);
            }

            var store = new PostgresTenantStore(dataSource, server, options, postgres, time, logger);
            store._changes.StartAt(head);
            if (postgres.ListenForChanges)
            {
                store._listener = new PostgresChangeListener(builder, server, store.CatchUpAsync, () => store.PublishedRevision, dataSource.Clear, postgres, time, logger);
                store._listener.Start();
            }

            return store;
        }
        catch (Exception e) when (PgErrors.IsProviderFailure(e) && !cancellationToken.IsCancellationRequested)
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw PgErrors.Wrap(e, "Open", null, server);
        }
        catch
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Creates the system organization unless one exists, as revision 1, under the head lock so instances opening a new database create one.</summary>
    private static async Task EnsureSystemOrganizationAsync(NpgsqlConnection connection, string systemSlug, TimeProvider time, string channel, CancellationToken ct)
    {
        if (await PgQueries.SystemOrganizationAsync(connection, null, ct).ConfigureAwait(false) is not null)
        {
            return;
        }

        var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var revision = await PgChangeLog.NextRevisionAsync(connection, transaction, ct).ConfigureAwait(false);
            if (await PgQueries.SystemOrganizationAsync(connection, transaction, ct).ConfigureAwait(false) is not null)
            {
                await transaction.RollbackAsync(ct).ConfigureAwait(false);
                return;
            }

            var system = SystemOrganization.Create(systemSlug, time);
            await PgCommands.ExecuteAsync(connection, transaction, InsertOrganizationSql, ct, PgRows.OrganizationParameters(system)).ConfigureAwait(false);
            await PgChangeLog.AppendAsync(connection, transaction, ChangeLogEntry.FromChanges(revision, time.GetUtcNow(), [TenantChange.OrganizationCreated(system)]), channel, DateTimeOffset.MinValue, ct).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
        }
    }
}
