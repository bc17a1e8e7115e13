using System.Globalization;
using ConfigResolver.Sqlite.Internal;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace ConfigResolver.Sqlite;

public sealed partial class SqliteTenantStore
{
    private SqliteTenantStore(string path, SqliteConnection writer, ReaderPool readers, ResolverOptions options, TimeProvider time, ILogger? logger)
    {
        _path = path;
        _writer = writer;
        _readers = readers;
        _timeProvider = time;
        _retention = options.ChangeLogRetention;
        _logger = logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        _changes = new TenantChangeBroadcaster(logger);
        _health = new ChangeFeedHealth(true, time.GetUtcNow(), null);
    }

    /// <summary>
    /// Opens (creating if needed) the database file, ready to use: WAL mode and foreign keys on, pending schema migrations
    /// applied, and on first open the one system organization created (<see cref="SystemOrganization.Create"/>).
    /// </summary>
    /// <param name="path">The database file; relative paths start from the current directory.</param>
    /// <param name="options">Supplies <see cref="ResolverOptions.SystemSlug"/> for first open; defaults when null.</param>
    /// <param name="timeProvider">The clock for the system organization's creation time and migration records; the system clock when null.</param>
    /// <param name="cancellationToken">Cancels before the file is opened.</param>
    /// <returns>The open store; dispose it to close the file.</returns>
    /// <exception cref="ArgumentException">The path is empty or the system slug is invalid.</exception>
    /// <exception cref="TenantStoreException">
    /// The file cannot be opened, is not a SQLite database, is corrupt, or was migrated by a newer version of this library.
    /// </exception>
    public static Task<SqliteTenantStore> OpenAsync(string path, ResolverOptions? options = null, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default) =>
        OpenAsync(path, options, timeProvider, null, DefaultBusyTimeout, cancellationToken);

    /// <summary>Opens the store with a logger for change-handler failures and a busy timeout for cross-process write locks.</summary>
    /// <param name="path">The database file.</param>
    /// <param name="options">Supplies <see cref="ResolverOptions.SystemSlug"/>; defaults when null.</param>
    /// <param name="timeProvider">The clock; the system clock when null.</param>
    /// <param name="logger">Logs change handler failures; none when null.</param>
    /// <param name="busyTimeout">How long a write waits for another connection's lock before failing as transient (at least 1 ms).</param>
    /// <param name="cancellationToken">Cancels before the file is opened.</param>
    /// <returns>The open store.</returns>
    /// <exception cref="ArgumentException">The path is empty or the system slug is invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="busyTimeout"/> is shorter than 1 ms.</exception>
    /// <exception cref="TenantStoreException">The file cannot be opened or used.</exception>
    public static Task<SqliteTenantStore> OpenAsync(
        string path,
        ResolverOptions? options,
        TimeProvider? timeProvider,
        ILogger<SqliteTenantStore>? logger,
        TimeSpan busyTimeout,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(busyTimeout, TimeSpan.FromMilliseconds(1));
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<SqliteTenantStore>(cancellationToken);
        }

        var time = timeProvider ?? TimeProvider.System;
        options ??= new ResolverOptions();
        var systemSlug = options.SystemSlug;
        if (!TenancyRules.IsValidSlug(systemSlug))
        {
            throw new ArgumentException($"The system slug must be {TenancyRules.SlugExpectation}.", nameof(options));
        }

        var fullPath = System.IO.Path.GetFullPath(path);
        if (DatabaseLocation.Check(fullPath) is { } unusable)
        {
            return Task.FromException<SqliteTenantStore>(unusable);
        }

        try
        {
            return Task.FromResult(Open(fullPath, options, time, logger, busyTimeout));
        }
        catch (SqliteException e)
        {
            return Task.FromException<SqliteTenantStore>(SqliteErrors.Wrap(e, "Open", null, fullPath));
        }
        catch (TenantStoreException e)
        {
            return Task.FromException<SqliteTenantStore>(e);
        }
        catch (InvalidDataException e)
        {
            return Task.FromException<SqliteTenantStore>(
                new TenantStoreException("Open", null, null, isTransient: false, $"the database '{fullPath}' holds data this version cannot read: {e.Message}", e));
        }
    }

    private static SqliteTenantStore Open(string fullPath, ResolverOptions options, TimeProvider time, ILogger? logger, TimeSpan busyTimeout)
    {
        var busyMilliseconds = (int)Math.Min(int.MaxValue, Math.Ceiling(busyTimeout.TotalMilliseconds));
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = false,

            // Microsoft.Data.Sqlite retries a busy statement until this many seconds pass (0 would mean forever).
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(busyTimeout.TotalSeconds)),
        };
        var writer = new SqliteConnection(builder.ToString());
        ReaderPool? readers = null;
        try
        {
            writer.Open();
            SqliteCommands.Execute(writer, null, string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {busyMilliseconds}"));

            // The first statement that reads the file: a file that is not a database fails here (SQLITE_NOTADB).
            if (!string.Equals(SqliteCommands.Scalar(writer, null, "PRAGMA journal_mode") as string, "wal", StringComparison.OrdinalIgnoreCase))
            {
                SqliteCommands.Scalar(writer, null, "PRAGMA journal_mode = WAL");
            }

            SqliteMigrator.Apply(writer, time, fullPath);
            EnsureSystemOrganization(writer, options.SystemSlug, time);
            builder.Mode = SqliteOpenMode.ReadOnly;
            readers = new ReaderPool(builder.ToString(), busyMilliseconds);
            var store = new SqliteTenantStore(fullPath, writer, readers, options, time, logger);
            store._changes.StartAt(SqliteChangeLog.Head(writer, null));
            store.StartPolling(builder.ToString(), busyMilliseconds, options.ChangePollInterval);
            return store;
        }
        catch
        {
            readers?.Dispose();
            writer.Dispose();
            throw;
        }
    }

    /// <summary>Creates the system organization unless one exists; decided inside the write lock, so two processes opening a new file create one.</summary>
    private static void EnsureSystemOrganization(SqliteConnection writer, string systemSlug, TimeProvider time)
    {
        if (SqliteQueries.SystemOrganization(writer, null) is not null)
        {
            return;
        }

        using var transaction = writer.BeginTransaction(deferred: false);
        if (SqliteQueries.SystemOrganization(writer, transaction) is null)
        {
            var system = SystemOrganization.Create(systemSlug, time);
            using var insert = SqliteCommands.Create(writer, transaction, InsertOrganizationSql);
            SqliteRows.BindOrganization(insert, system);
            insert.ExecuteNonQuery();
            var revision = SqliteChangeLog.Head(writer, transaction) + 1;
            SqliteChangeLog.Append(writer, transaction, ChangeLogEntry.FromChanges(revision, time.GetUtcNow(), [TenantChange.OrganizationCreated(system)]));
        }

        transaction.Commit();
    }
}
