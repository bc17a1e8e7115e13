using System.Collections.Immutable;
using ConfigResolver.Storage;
using Npgsql;

namespace ConfigResolver.Postgres.Internal;

/// <summary>Reads and writes the <c>change_log</c> table and its head.</summary>
internal static class PgChangeLog
{
    private const string Columns = "revision, kind, organization_id, organization_slug, user_id, affected_user_ids, at";

    /// <summary>
    /// Moves the head to the next revision and returns it. The first statement of every write transaction: the row lock
    /// it takes serializes writers of every instance until commit (see migration 0001).
    /// </summary>
    public static async Task<long> NextRevisionAsync(NpgsqlConnection c, NpgsqlTransaction t, CancellationToken ct) =>
        (long)(await PgCommands.ScalarAsync(c, t, "UPDATE change_log_head SET revision = revision + 1 WHERE id = 1 RETURNING revision", ct).ConfigureAwait(false))!;

    public static async Task AppendAsync(NpgsqlConnection c, NpgsqlTransaction t, ChangeLogEntry entry, string channel, CancellationToken ct)
    {
        await PgCommands.ExecuteAsync(
            c,
            t,
            "INSERT INTO change_log (" + Columns + ") VALUES (@revision, @kind, @org, @slug, @user, @affected, @at)",
            ct,
            ("revision", entry.Revision),
            ("kind", ChangeLogKinds.ToName(entry.Kind)),
            ("org", entry.OrganizationId),
            ("slug", entry.OrganizationSlug),
            ("user", entry.UserId),
            ("affected", entry.AffectedUserIds.ToArray()),
            ("at", entry.Time.ToUnixTimeMilliseconds())).ConfigureAwait(false);

        // Delivered by the server only when the transaction commits, and never for a rolled-back write.
        await PgCommands.ExecuteAsync(c, t, "SELECT pg_notify(@channel, @revision)", ct, ("channel", channel), ("revision", entry.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture))).ConfigureAwait(false);
    }

    public static Task PruneAsync(NpgsqlConnection c, NpgsqlTransaction t, DateTimeOffset cutoff, long newest, CancellationToken ct) =>
        PgCommands.ExecuteAsync(c, t, "DELETE FROM change_log WHERE at < @cutoff AND revision < @newest", ct, ("cutoff", cutoff.ToUnixTimeMilliseconds()), ("newest", newest));

    public static async Task<long> HeadAsync(NpgsqlConnection c, NpgsqlTransaction? t, CancellationToken ct) =>
        (long)(await PgCommands.ScalarAsync(c, t, "SELECT revision FROM change_log_head WHERE id = 1", ct).ConfigureAwait(false))!;

    /// <summary>The rows after a revision and the log's bounds; call inside one transaction for a consistent read.</summary>
    public static async Task<ChangeLogPage> ReadAsync(NpgsqlConnection c, NpgsqlTransaction? t, long afterRevision, int maxCount, CancellationToken ct)
    {
        var head = await HeadAsync(c, t, ct).ConfigureAwait(false);
        var oldest = await PgCommands.ScalarAsync(c, t, "SELECT MIN(revision) FROM change_log", ct).ConfigureAwait(false) as long? ?? 0;
        var entries = await PgCommands.ListAsync(
            c,
            t,
            ReadEntry,
            "SELECT " + Columns + " FROM change_log WHERE revision > @after ORDER BY revision LIMIT @max",
            ct,
            ("after", afterRevision),
            ("max", maxCount)).ConfigureAwait(false);
        return new ChangeLogPage([.. entries], oldest, head);
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
        return page.Entries.ToDictionary(
            static e => e.Revision,
            e => e.ToChanges(id => organizations.GetValueOrDefault(id), id => users.GetValueOrDefault(id)));
    }

    private static ChangeLogEntry ReadEntry(NpgsqlDataReader r) =>
        new(r.GetInt64(0), ChangeLogKinds.Parse(r.GetString(1)), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(6)))
        {
            OrganizationId = r.IsDBNull(2) ? null : r.GetGuid(2),
            OrganizationSlug = r.IsDBNull(3) ? null : r.GetString(3),
            UserId = r.IsDBNull(4) ? null : r.GetGuid(4),
            AffectedUserIds = [.. r.GetFieldValue<Guid[]>(5)],
        };
}
