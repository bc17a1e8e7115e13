using System.Collections.Immutable;
using ConfigResolver.Storage;
using Npgsql;

namespace ConfigResolver.Postgres.Internal;

/// <summary>Reads and writes the <c>change_log</c> table and its head.</summary>
internal static class PgChangeLog
{
    private const string Columns = "revision, kind, organization_id, organization_slug, user_id, affected_user_ids, at, entity_id";

    /// <summary>
    /// Moves the head to the next revision and returns it. The first statement of every write transaction: the row lock
    /// it takes serializes writers of every instance until commit (see migration 0001).
    /// </summary>
    public static async Task<long> NextRevisionAsync(NpgsqlConnection c, NpgsqlTransaction t, CancellationToken ct) =>
        (long)(await PgCommands.ScalarAsync(c, t, "UPDATE change_log_head SET revision = revision + 1 WHERE id = 1 RETURNING revision", ct).ConfigureAwait(false))!;

    /// <summary>
    /// Appends the write's row, queues its NOTIFY (the server delivers it only when the transaction commits, never for a
    /// rolled-back write), prunes rows older than <paramref name="cutoff"/> (never the new one) and runs
    /// <paramref name="also"/> (the write's audit insert): one batch, one round trip.
    /// </summary>
    public static async Task AppendAsync(NpgsqlConnection c, NpgsqlTransaction t, ChangeLogEntry entry, string channel, DateTimeOffset cutoff, CancellationToken ct,
        NpgsqlBatchCommand? also = null)
    {
        var batch = new NpgsqlBatch(c, t);
        await using (batch.ConfigureAwait(false))
        {
            var insert = new NpgsqlBatchCommand("INSERT INTO change_log (" + Columns + ") VALUES (@revision, @kind, @org, @slug, @user, @affected, @at, @entity)");
            insert.Parameters.AddWithValue("revision", entry.Revision);
            insert.Parameters.AddWithValue("kind", ChangeLogKinds.ToName(entry.Kind));
            insert.Parameters.AddWithValue("org", (object?)entry.OrganizationId ?? DBNull.Value);
            insert.Parameters.AddWithValue("slug", (object?)entry.OrganizationSlug ?? DBNull.Value);
            insert.Parameters.AddWithValue("user", (object?)entry.UserId ?? DBNull.Value);
            insert.Parameters.AddWithValue("affected", entry.AffectedUserIds.ToArray());
            insert.Parameters.AddWithValue("at", entry.Time.ToUnixTimeMilliseconds());
            insert.Parameters.AddWithValue("entity", (object?)entry.EntityId ?? DBNull.Value);
            var notify = new NpgsqlBatchCommand("SELECT pg_notify(@channel, @payload)");
            notify.Parameters.AddWithValue("channel", channel);
            notify.Parameters.AddWithValue("payload", entry.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var prune = new NpgsqlBatchCommand("DELETE FROM change_log WHERE at < @cutoff AND revision < @newest");
            prune.Parameters.AddWithValue("cutoff", cutoff.ToUnixTimeMilliseconds());
            prune.Parameters.AddWithValue("newest", entry.Revision);
            batch.BatchCommands.Add(insert);
            batch.BatchCommands.Add(notify);
            batch.BatchCommands.Add(prune);
            if (also is not null)
            {
                batch.BatchCommands.Add(also);
            }

            await batch.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }

    public static async Task<long> HeadAsync(NpgsqlConnection c, NpgsqlTransaction? t, CancellationToken ct) =>
        (long)(await PgCommands.ScalarAsync(c, t, "SELECT revision FROM change_log_head WHERE id = 1", ct).ConfigureAwait(false))!;

    /// <summary>
    /// The rows after a revision and the log's bounds, in one statement (one round trip, one consistent snapshot): the
    /// head row joined with the rows after <paramref name="afterRevision"/>, each row carrying the head and the oldest revision.
    /// </summary>
    public static async Task<ChangeLogPage> ReadAsync(NpgsqlConnection c, NpgsqlTransaction? t, long afterRevision, int maxCount, CancellationToken ct)
    {
        var rows = await PgCommands.ListAsync(
            c,
            t,
            static r => (Head: r.GetInt64(0), Oldest: r.IsDBNull(1) ? 0 : r.GetInt64(1), Entry: r.IsDBNull(2) ? null : ReadEntry(r, 2)),
            "SELECT h.revision, (SELECT MIN(revision) FROM change_log), l." + Columns.Replace(", ", ", l.", StringComparison.Ordinal)
            + " FROM change_log_head h LEFT JOIN LATERAL (SELECT " + Columns + " FROM change_log WHERE revision > @after ORDER BY revision LIMIT @max) l ON true"
            + " WHERE h.id = 1 ORDER BY l.revision",
            ct,
            ("after", afterRevision),
            ("max", maxCount)).ConfigureAwait(false);
        var first = rows.Count > 0 ? rows[0] : default;
        return new ChangeLogPage([.. rows.Select(static r => r.Entry).OfType<ChangeLogEntry>()], first.Oldest, first.Head);
    }

    /// <summary>Reads every entity the rows name in two queries and expands each row's changes from them.</summary>
    public static async Task<Dictionary<long, ImmutableArray<TenantChange>>> ExpandAsync(NpgsqlConnection c, NpgsqlTransaction? t, ChangeLogPage page, CancellationToken ct)
    {
        var organizationIds = page.Entries.Select(e => e.OrganizationToRead).OfType<Guid>().Distinct().ToArray();
        var userIds = page.Entries.SelectMany(e => e.UsersToRead()).Distinct().ToArray();
        var organizations = organizationIds.Length == 0
            ? []
            : (await PgCommands.ListAsync(c, t, PgRows.ReadOrganization, "SELECT " + PgRows.OrganizationColumns + " FROM organizations o WHERE o.id = ANY(@ids)", ct, ("ids", organizationIds)).ConfigureAwait(false))
                .ToDictionary(static o => o.Id);
        var users = userIds.Length == 0
            ? []
            : (await PgCommands.ListAsync(c, t, PgRows.ReadUser, "SELECT " + PgRows.UserColumns + " FROM users u WHERE u.id = ANY(@ids)", ct, ("ids", userIds)).ConfigureAwait(false))
                .ToDictionary(static u => u.Id);
        var keyIds = page.Entries.Where(static e => e.Kind == TenantChangeKind.ApiKeyChanged).Select(static e => e.EntityId).OfType<Guid>().Distinct().ToArray();
        var keys = keyIds.Length == 0
            ? []
            : (await PgAccessQueries.KeysByIdsAsync(c, t, keyIds, ct).ConfigureAwait(false)).ToDictionary(static k => k.Id);
        return page.Entries.ToDictionary(
            static e => e.Revision,
            e => e.ToChanges(id => organizations.GetValueOrDefault(id), id => users.GetValueOrDefault(id), id => keys.GetValueOrDefault(id)));
    }

    /// <summary>Reads a row selected as <c>Columns</c> starting at column <paramref name="at"/>.</summary>
    private static ChangeLogEntry ReadEntry(NpgsqlDataReader r, int at) =>
        new(r.GetInt64(at), ChangeLogKinds.Parse(r.GetString(at + 1)), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(at + 6)))
        {
            OrganizationId = r.IsDBNull(at + 2) ? null : r.GetGuid(at + 2),
            OrganizationSlug = r.IsDBNull(at + 3) ? null : r.GetString(at + 3),
            UserId = r.IsDBNull(at + 4) ? null : r.GetGuid(at + 4),
            EntityId = r.IsDBNull(at + 7) ? null : r.GetGuid(at + 7),
            AffectedUserIds = [.. r.GetFieldValue<Guid[]>(at + 5)],
        };
}
