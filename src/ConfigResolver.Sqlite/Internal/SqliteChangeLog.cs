using System.Collections.Immutable;
using ConfigResolver.Storage;
using Microsoft.Data.Sqlite;
using static ConfigResolver.Sqlite.Internal.SqliteRows;

namespace ConfigResolver.Sqlite.Internal;

/// <summary>Reads and writes the <c>change_log</c> table and its head (migration 0002).</summary>
internal static class SqliteChangeLog
{
    private const string Columns = "revision, kind, organization_id, organization_slug, user_id, affected_user_ids, at, entity_id";

    /// <summary>The revision of the last committed write.</summary>
    public static long Head(SqliteConnection c, SqliteTransaction? t) =>
        SqliteCommands.Scalar(c, t, "SELECT revision FROM change_log_head WHERE id = 1") as long? ?? 0;

    /// <summary>Appends a write's row and moves the head to it; inside the write's transaction.</summary>
    public static void Append(SqliteConnection c, SqliteTransaction t, ChangeLogEntry entry)
    {
        SqliteCommands.Execute(
            c,
            t,
            "INSERT INTO change_log (" + Columns + ") VALUES ($revision, $kind, $org, $slug, $user, $affected, $at, $entity)",
            ("$revision", entry.Revision),
            ("$kind", ChangeLogKinds.ToName(entry.Kind)),
            ("$org", entry.OrganizationId is { } org ? Id(org) : null),
            ("$slug", entry.OrganizationSlug),
            ("$user", entry.UserId is { } user ? Id(user) : null),
            ("$affected", string.Join(' ', entry.AffectedUserIds.Select(Id))),
            ("$at", entry.Time.ToUnixTimeMilliseconds()),
            ("$entity", entry.EntityId is { } entity ? Id(entity) : null));
        SqliteCommands.Execute(c, t, "UPDATE change_log_head SET revision = $revision WHERE id = 1", ("$revision", entry.Revision));
    }

    /// <summary>Drops rows older than <paramref name="cutoff"/>, never the row at <paramref name="newest"/>.</summary>
    public static void Prune(SqliteConnection c, SqliteTransaction t, DateTimeOffset cutoff, long newest) =>
        SqliteCommands.Execute(
            c,
            t,
            "DELETE FROM change_log WHERE at < $cutoff AND revision < $newest",
            ("$cutoff", cutoff.ToUnixTimeMilliseconds()),
            ("$newest", newest));

    /// <summary>The rows after a revision and the log's bounds, read in one statement sequence of the caller's transaction.</summary>
    public static ChangeLogPage Read(SqliteConnection c, SqliteTransaction? t, long afterRevision, int maxCount)
    {
        var head = Head(c, t);
        var oldest = SqliteCommands.Scalar(c, t, "SELECT MIN(revision) FROM change_log") as long? ?? 0;
        var entries = SqliteCommands.List(
            c,
            t,
            ReadEntry,
            "SELECT " + Columns + " FROM change_log WHERE revision > $after ORDER BY revision LIMIT $max",
            ("$after", afterRevision),
            ("$max", maxCount));
        return new ChangeLogPage([.. entries], oldest, head);
    }

    /// <summary>A row's changes with the entities as this transaction sees them.</summary>
    public static ImmutableArray<TenantChange> Expand(SqliteConnection c, SqliteTransaction? t, ChangeLogEntry entry) =>
        entry.ToChanges(id => SqliteQueries.OrganizationById(c, t, id), id => SqliteQueries.UserById(c, t, id), id => SqliteAccessQueries.KeyById(c, t, id));

    private static ChangeLogEntry ReadEntry(SqliteDataReader r)
    {
        var affected = r.GetString(5);
        return new ChangeLogEntry(r.GetInt64(0), ChangeLogKinds.Parse(r.GetString(1)), DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(6)))
        {
            OrganizationId = r.IsDBNull(2) ? null : ParseId(r.GetString(2)),
            OrganizationSlug = r.IsDBNull(3) ? null : r.GetString(3),
            UserId = r.IsDBNull(4) ? null : ParseId(r.GetString(4)),
            EntityId = r.IsDBNull(7) ? null : ParseId(r.GetString(7)),
            AffectedUserIds = affected.Length == 0 ? [] : [.. affected.Split(' ').Select(ParseId)],
        };
    }
}
