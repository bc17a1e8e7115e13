using System.Collections.Immutable;
using ConfigResolver.Shared;
using ConfigResolver.Storage;
using Microsoft.Data.Sqlite;

namespace ConfigResolver.Sqlite.Internal;

/// <summary>Reads and writes the <c>policy_revisions</c> table (migration 0004).</summary>
internal static class SqlitePolicyRevisions
{
    private const string InfoColumns = "number, content_hash, author, message, restored_from, store_revision, created_at, file_count";

    public static PolicyRevision? Current(SqliteConnection c, SqliteTransaction? t) =>
        SqliteCommands.Single(c, t, ReadRevision, "SELECT " + InfoColumns + ", files_json FROM policy_revisions ORDER BY number DESC LIMIT 1");

    public static PolicyRevision? ByNumber(SqliteConnection c, SqliteTransaction? t, long number) =>
        SqliteCommands.Single(c, t, ReadRevision, "SELECT " + InfoColumns + ", files_json FROM policy_revisions WHERE number = $number", ("$number", number));

    public static ImmutableArray<PolicyRevisionInfo> Newest(SqliteConnection c, SqliteTransaction? t, int maxCount) =>
        [.. SqliteCommands.List(c, t, ReadInfo, "SELECT " + InfoColumns + " FROM policy_revisions ORDER BY number DESC LIMIT $max", ("$max", maxCount))];

    public static void Insert(SqliteConnection c, SqliteTransaction t, PolicyRevision revision)
    {
        var info = revision.Info;
        SqliteCommands.Execute(
            c,
            t,
            "INSERT INTO policy_revisions (" + InfoColumns + ", files_json) VALUES ($number, $hash, $author, $message, $restored, $store, $at, $count, $files)",
            ("$number", info.Number),
            ("$hash", info.ContentHash),
            ("$author", info.Author),
            ("$message", info.Message),
            ("$restored", info.RestoredFrom),
            ("$store", info.StoreRevision),
            ("$at", SqliteRows.Time(info.CreatedAt)),
            ("$count", info.FileCount),
            ("$files", PolicyRevisionJson.Serialize(revision.Files)));
    }

    private static PolicyRevision ReadRevision(SqliteDataReader r) => new(ReadInfo(r), PolicyRevisionJson.Parse(r.GetString(8)));

    private static PolicyRevisionInfo ReadInfo(SqliteDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetString(2), SqliteRows.ParseTime(r.GetString(6)), r.IsDBNull(3) ? null : r.GetString(3))
        {
            RestoredFrom = r.IsDBNull(4) ? null : r.GetInt64(4),
            StoreRevision = r.GetInt64(5),
            FileCount = (int)r.GetInt64(7),
        };
}
