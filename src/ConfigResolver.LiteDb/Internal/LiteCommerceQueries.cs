using ConfigResolver.Access;
using ConfigResolver.Commerce;
using ConfigResolver.Usage;
using LiteDB;

namespace ConfigResolver.LiteDb.Internal;

/// <summary>Plans, teams and model groups (one document per organization) and usage counters.</summary>
internal static class LiteCommerceQueries
{
    public const string Commerce = "org_commerce";
    public const string Usage = "usage_counters";

    public static CommerceState State(LiteDatabase db, Guid organizationId) =>
        CommerceJson.Parse(organizationId, db.GetCollection(Commerce).FindById(organizationId)?["document"].AsString);

    public static void Save(LiteDatabase db, CommerceState state) =>
        db.GetCollection(Commerce).Upsert(new BsonDocument { ["_id"] = state.OrganizationId, ["document"] = CommerceJson.Serialize(state) });

    public static void Delete(LiteDatabase db, Guid organizationId)
    {
        db.GetCollection(Commerce).Delete(organizationId);
        db.GetCollection(Usage).DeleteMany(Query.EQ("organization_id", organizationId));
    }

    /// <summary>Removes a user who left the organization from its teams.</summary>
    public static void RemoveTeamMember(LiteDatabase db, Guid organizationId, Guid userId)
    {
        var state = State(db, organizationId);
        var next = CommerceJson.WithoutMember(state, userId);
        if (!ReferenceEquals(state, next))
        {
            Save(db, next);
        }
    }

    public static CommerceCounts Counts(LiteDatabase db, Guid organizationId, DateTimeOffset now)
    {
        var members = db.GetCollection(LiteDocs.Memberships).Count(Query.EQ("organization_id", organizationId));
        var pending = db.GetCollection(LiteAccessDocs.Invitations).Find(Query.EQ("organization_id", organizationId))
            .Select(LiteAccessDocs.ToInvitation)
            .Count(i => i.Status == InvitationStatus.Pending && i.ExpiresAt > now);
        var keys = db.GetCollection(LiteAccessDocs.ApiKeys).Find(Query.EQ("organization_id", organizationId)).Count(static d => d["revoked_at"].IsNull);
        return new CommerceCounts(members, pending, keys);
    }

    public static void CheckSeat(LiteDatabase db, Guid organizationId, string slug, DateTimeOffset now) =>
        CommerceRules.CheckSeat(slug, State(db, organizationId), Counts(db, organizationId, now));

    public static void CheckApiKey(LiteDatabase db, Guid organizationId, string slug, DateTimeOffset now, string? team) =>
        CommerceRules.CheckApiKey(slug, State(db, organizationId), Counts(db, organizationId, now), team);

    public static UsageCounter Counter(LiteDatabase db, Guid organizationId, string team, string meter, string period)
    {
        var document = db.GetCollection(Usage).FindById(CounterId(organizationId, team, meter, period));
        return document is null
            ? new UsageCounter(team.Length == 0 ? null : team, meter, period, 0, 0)
            : ToCounter(document);
    }

    public static void Add(LiteDatabase db, Guid organizationId, string team, string meter, string period, long consumed, long leased)
    {
        var counter = Counter(db, organizationId, team, meter, period);
        db.GetCollection(Usage).Upsert(new BsonDocument
        {
            ["_id"] = CounterId(organizationId, team, meter, period),
            ["organization_id"] = organizationId,
            ["team"] = team,
            ["meter"] = meter,
            ["period"] = period,
            ["consumed"] = Math.Max(0, counter.Consumed + consumed),
            ["leased"] = Math.Max(0, counter.Leased + leased),
        });
    }

    public static List<UsageCounter> Counters(LiteDatabase db, Guid organizationId, string period) =>
        [.. db.GetCollection(Usage).Find(Query.And(Query.EQ("organization_id", organizationId), Query.EQ("period", period)))
            .Select(ToCounter)
            .OrderBy(static c => c.Team ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(static c => c.Meter, StringComparer.Ordinal)];

    private static UsageCounter ToCounter(BsonDocument d)
    {
        var team = d["team"].AsString;
        return new UsageCounter(team.Length == 0 ? null : team, d["meter"].AsString, d["period"].AsString, d["consumed"].AsInt64, d["leased"].AsInt64);
    }

    private static string CounterId(Guid organizationId, string team, string meter, string period) =>
        $"{organizationId:D}|{period}|{team}|{meter}";
}
