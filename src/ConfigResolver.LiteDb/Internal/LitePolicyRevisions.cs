using System.Collections.Immutable;
using ConfigResolver.Shared;
using ConfigResolver.Storage;
using LiteDB;

namespace ConfigResolver.LiteDb.Internal;

/// <summary>The <c>policy_revisions</c> collection: one document per revision, <c>_id</c> its number, files as one JSON text.</summary>
internal static class LitePolicyRevisions
{
    public const string Collection = "policy_revisions";

    public static PolicyRevision? Current(LiteDatabase db) =>
        db.GetCollection(Collection).Query().OrderByDescending("_id").Limit(1).FirstOrDefault() is { } d ? ToRevision(d) : null;

    public static PolicyRevision? ByNumber(LiteDatabase db, long number) =>
        db.GetCollection(Collection).FindById(number) is { } d ? ToRevision(d) : null;

    public static ImmutableArray<PolicyRevisionInfo> Newest(LiteDatabase db, int maxCount) =>
        [.. db.GetCollection(Collection).Query().OrderByDescending("_id").Limit(maxCount).ToEnumerable().Select(ToInfo)];

    public static void Insert(LiteDatabase db, PolicyRevision revision)
    {
        var info = revision.Info;
        db.GetCollection(Collection).Insert(new BsonDocument
        {
            ["_id"] = info.Number,
            ["content_hash"] = info.ContentHash,
            ["author"] = info.Author,
            ["message"] = info.Message is { } message ? new BsonValue(message) : BsonValue.Null,
            ["restored_from"] = info.RestoredFrom is { } restored ? new BsonValue(restored) : BsonValue.Null,
            ["store_revision"] = info.StoreRevision,
            ["created_at"] = LiteDocs.Time(info.CreatedAt),
            ["file_count"] = info.FileCount,
            ["files_json"] = PolicyRevisionJson.Serialize(revision.Files),
        });
    }

    private static PolicyRevision ToRevision(BsonDocument d) => new(ToInfo(d), PolicyRevisionJson.Parse(d["files_json"].AsString));

    private static PolicyRevisionInfo ToInfo(BsonDocument d) =>
        new(d["_id"].AsInt64, d["content_hash"].AsString, d["author"].AsString, LiteDocs.ParseTime(d["created_at"].AsString), d["message"].IsNull ? null : d["message"].AsString)
        {
            RestoredFrom = d["restored_from"].IsNull ? null : d["restored_from"].AsInt64,
            StoreRevision = d["store_revision"].AsInt64,
            FileCount = d["file_count"].AsInt32,
        };
}
