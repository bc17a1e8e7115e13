using ConfigResolver.Storage;
using Microsoft.Data.Sqlite;

namespace ConfigResolver.Sqlite.Internal;

/// <summary>
/// Brings a database up to <see cref="SqliteMigration.LatestVersion"/>: each pending embedded migration runs in its own
/// transaction together with the <c>schema_migrations</c> row that records it, so a failed migration leaves the
/// database at the previous version. A database already up to date is only read (a read-only file still opens).
/// </summary>
internal static class SqliteMigrator
{
    private const string CreateTable =
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT";

    /// <summary>Applies the pending migrations.</summary>
    /// <param name="connection">The open writer connection.</param>
    /// <param name="timeProvider">The clock for <c>applied_at</c>.</param>
    /// <param name="path">The database file, for messages.</param>
    /// <returns>The versions applied by this call, in order.</returns>
    /// <exception cref="TenantStoreException">The database is newer than this code.</exception>
    /// <exception cref="SqliteException">SQLite failed.</exception>
    public static List<int> Apply(SqliteConnection connection, TimeProvider timeProvider, string path)
    {
        var applied = new List<int>();
        if (CurrentVersion(connection, null, path) >= SqliteMigration.LatestVersion)
        {
            return applied;
        }

        foreach (var migration in SqliteMigration.Embedded)
        {
            using var transaction = connection.BeginTransaction(deferred: false);

            // Another process may have migrated between our check and this write lock; decide again inside it.
            if (CurrentVersion(connection, transaction, path) >= migration.Version)
            {
                continue;
            }

            SqliteCommands.Execute(connection, transaction, CreateTable);
            SqliteCommands.Execute(connection, transaction, migration.Script);
            SqliteCommands.Execute(
                connection,
                transaction,
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($version, $name, $applied_at)",
                ("$version", migration.Version),
                ("$name", migration.Name),
                ("$applied_at", SqliteRows.Time(timeProvider.GetUtcNow())));
            transaction.Commit();
            applied.Add(migration.Version);
        }

        return applied;
    }

    /// <summary>The highest applied version, 0 for a new database.</summary>
    /// <exception cref="TenantStoreException">The database was migrated by a newer version of this code.</exception>
    public static long CurrentVersion(SqliteConnection connection, SqliteTransaction? transaction, string path)
    {
        if (!SqliteCommands.Exists(connection, transaction, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"))
        {
            return 0;
        }

        var version = SqliteCommands.Scalar(connection, transaction, "SELECT MAX(version) FROM schema_migrations") as long? ?? 0;
        if (version > SqliteMigration.LatestVersion)
        {
            throw new TenantStoreException(
                "Open",
                null,
                null,
                isTransient: false,
                $"the database '{path}' has schema version {version}, but this version of ConfigResolver.Sqlite knows only up to {SqliteMigration.LatestVersion}; "
                + "open it with a newer version (nothing was changed)");
        }

        return version;
    }
}
