using ConfigResolver.Storage;
using Npgsql;

namespace ConfigResolver.Postgres.Internal;

/// <summary>
/// Brings a database up to <see cref="PgMigration.LatestVersion"/>: each pending migration runs in its own transaction with
/// the <c>schema_migrations</c> row that records it, under a transaction-level advisory lock, so instances starting
/// together migrate once and a failed migration leaves the previous version.
/// </summary>
internal static class PgMigrator
{
    // Any fixed number: the advisory lock every ConfigResolver instance takes while migrating.
    private const long MigrationLock = 0x436667725F6D6967;

    public static async Task<List<int>> ApplyAsync(NpgsqlConnection connection, TimeProvider timeProvider, string server, CancellationToken ct)
    {
        var applied = new List<int>();

        // An up-to-date database is only read, so a user without CREATE rights can open it.
        if (await PgCommands.ScalarAsync(connection, null, "SELECT to_regclass('schema_migrations') IS NOT NULL", ct).ConfigureAwait(false) is true
            && await CurrentVersionAsync(connection, null, server, ct).ConfigureAwait(false) >= PgMigration.LatestVersion)
        {
            return applied;
        }

        foreach (var migration in PgMigration.Embedded)
        {
            var transaction = await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
            await using var owned = transaction.ConfigureAwait(false);
            await PgCommands.ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(@lock)", ct, ("lock", MigrationLock)).ConfigureAwait(false);
            await PgCommands.ExecuteAsync(
                connection,
                transaction,
                "CREATE TABLE IF NOT EXISTS schema_migrations (version integer NOT NULL PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)",
                ct).ConfigureAwait(false);
            var current = await CurrentVersionAsync(connection, transaction, server, ct).ConfigureAwait(false);
            if (current >= migration.Version)
            {
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                continue;
            }

            await PgCommands.ExecuteAsync(connection, transaction, migration.Script, ct).ConfigureAwait(false);
            await PgCommands.ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @applied_at)",
                ct,
                ("version", migration.Version),
                ("name", migration.Name),
                ("applied_at", PgRows.Time(timeProvider.GetUtcNow()))).ConfigureAwait(false);
            await transaction.CommitAsync(ct).ConfigureAwait(false);
            applied.Add(migration.Version);
        }

        return applied;
    }

    /// <summary>The highest applied version; a database migrated by a newer version of this code is refused.</summary>
    public static async Task<int> CurrentVersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string server, CancellationToken ct)
    {
        var version = await PgCommands.ScalarAsync(connection, transaction, "SELECT MAX(version) FROM schema_migrations", ct).ConfigureAwait(false) as int? ?? 0;
        if (version > PgMigration.LatestVersion)
        {
            throw new TenantStoreException(
                "Open",
                null,
                null,
                isTransient: false,
                $"the database {server} has schema version {version}, but this version of ConfigResolver.Postgres knows only up to {PgMigration.LatestVersion}; "
                + "open it with a newer version (nothing was changed)");
        }

        return version;
    }
}
