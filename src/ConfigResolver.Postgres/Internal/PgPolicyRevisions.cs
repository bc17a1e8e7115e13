using System.Collections.Immutable;
using ConfigResolver.Shared;
using ConfigResolver.Storage;
using Npgsql;

namespace ConfigResolver.Postgres.Internal;

/// <summary>Reads and writes the <c>policy_revisions</c> table (migration 0003).</summary>
internal static class PgPolicyRevisions
{
    private const string InfoColumns = "number, content_hash, author, message, restored_from, store_revision, created_at, file_count";

    public static Task<PolicyRevision?> CurrentAsync(NpgsqlConnection c, NpgsqlTransaction? t, CancellationToken ct) =>
        PgCommands.SingleAsync(c, t, ReadRevision, "SELECT " + InfoColumns + ", files_json FROM policy_revisions ORDER BY number DESC LIMIT 1", ct);

    public static Task<PolicyRevision?> ByNumberAsync(NpgsqlConnection c, NpgsqlTransaction? t, long number, CancellationToken ct) =>
        PgCommands.SingleAsync(c, t, ReadRevision, "SELECT " + InfoColumns + ", files_json FROM policy_revisions WHERE number = @number", ct, ("number", number));

    public static async Task<ImmutableArray<PolicyRevisionInfo>> NewestAsync(NpgsqlConnection c, NpgsqlTransaction? t, int maxCount, CancellationToken ct) =>
        [.. await PgCommands.ListAsync(c, t, ReadInfo, "SELECT " + InfoColumns + " FROM policy_revisions ORDER BY number DESC LIMIT @max", ct, ("max", maxCount)).ConfigureAwait(false)];

    public static Task<int> InsertAsync(NpgsqlConnection c, NpgsqlTransaction t, PolicyRevision revision, CancellationToken ct)
    {
        var info = revision.Info;
        return PgCommands.ExecuteAsync(
            c,
            t,
            "INSERT INTO policy_revisions (" + InfoColumns + ", files_json) VALUES (@number, @hash, @author, @message, @restored, @store, @at, @count, @files)",
            ct,
            ("number", info.Number),
            ("hash", info.ContentHash),
            ("author", info.Author),
            ("message", info.Message),
            ("restored", info.RestoredFrom),
            ("store", info.StoreRevision),
            ("at", PgRows.Time(info.CreatedAt)),
            ("count", info.FileCount),
            ("files", PolicyRevisionJson.Serialize(revision.Files)));
    }

    private static PolicyRevision ReadRevision(NpgsqlDataReader r) => new(ReadInfo(r), PolicyRevisionJson.Parse(r.GetString(8)));

    private static PolicyRevisionInfo ReadInfo(NpgsqlDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), r.GetString(2), PgRows.ParseTime(r.GetString(6)), r.IsDBNull(3) ? null : r.GetString(3))
        {
            RestoredFrom = r.IsDBNull(4) ? null : r.GetInt64(4),
            StoreRevision = r.GetInt64(5),
            FileCount = r.GetInt32(7),
        };
}
