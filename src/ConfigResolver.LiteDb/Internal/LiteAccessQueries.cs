using ConfigResolver.Access;
using ConfigResolver.Auditing;
using LiteDB;
using static ConfigResolver.LiteDb.Internal.LiteAccessDocs;

namespace ConfigResolver.LiteDb.Internal;

/// <summary>
/// Reads of API keys, invitations and the audit log. Lookups by prefix and token hash use unique indexes; the match is
/// then checked ordinally (LiteDB's index collation ignores case).
/// </summary>
internal static class LiteAccessQueries
{
    public static ApiKey? KeyById(LiteDatabase db, Guid id) => db.GetCollection(ApiKeys).FindById(id) is { } d ? ToKey(d) : null;

    public static ApiKey? KeyByPrefix(LiteDatabase db, string prefix) =>
        db.GetCollection(ApiKeys).FindOne(Query.EQ("prefix", prefix)) is { } d && d["prefix"].AsString == prefix ? ToKey(d) : null;

    public static List<ApiKey> KeysOfOrganization(LiteDatabase db, Guid organizationId) =>
        [.. db.GetCollection(ApiKeys).Find(Query.EQ("organization_id", organizationId)).ToList().Select(ToKey).OrderBy(static k => k.CreatedAt).ThenBy(static k => k.Id)];

    public static List<ApiKey> KeysRevokedSince(LiteDatabase db, DateTimeOffset since) =>
        [.. db.GetCollection(ApiKeys).Find(Query.Not("revoked_at", BsonValue.Null)).ToList().Select(ToKey).Where(k => k.RevokedAt >= since).OrderBy(static k => k.RevokedAt).ThenBy(static k => k.Id)];

    public static Invitation? InvitationById(LiteDatabase db, Guid id) => db.GetCollection(Invitations).FindById(id) is { } d ? ToInvitation(d) : null;

    public static Invitation? InvitationByToken(LiteDatabase db, string tokenHash) =>
        db.GetCollection(Invitations).FindOne(Query.EQ("token_hash", tokenHash)) is { } d && d["token_hash"].AsString == tokenHash ? ToInvitation(d) : null;

    public static List<Invitation> InvitationsOfOrganization(LiteDatabase db, Guid organizationId) =>
        [.. db.GetCollection(Invitations).Find(Query.EQ("organization_id", organizationId)).ToList().Select(ToInvitation).OrderBy(static i => i.CreatedAt).ThenBy(static i => i.Id)];

    /// <summary>
    /// One page, newest first: walks the events by id downwards from the cursor and filters them in memory (LiteDB is the
    /// small-deployment store; its string collation is not ordinal, so the filters are not pushed into its indexes).
    /// </summary>
    public static AuditPage Audit(LiteDatabase db, AuditQuery query)
    {
        var newestFirst = Query.All("_id", Query.Descending);
        if (query.Before is { } before)
        {
            newestFirst.Where.Add(Query.LT("_id", before));
        }

        var events = db.GetCollection(LiteAccessDocs.Audit).Find(newestFirst)
            .Select(ToAudit)
            .Where(query.Matches);
        return AuditPage.From(events, query.Limit);
    }
}
