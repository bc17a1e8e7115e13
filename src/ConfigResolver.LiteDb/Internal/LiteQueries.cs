using ConfigResolver.Configuration;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using LiteDB;
using static ConfigResolver.LiteDb.Internal.LiteDocs;

namespace ConfigResolver.LiteDb.Internal;

/// <summary>The reads the store needs, used by reads and inside write transactions; lists come back in the contract's order.</summary>
internal static class LiteQueries
{
    public static Organization? OrganizationById(LiteDatabase db, Guid id) => Map(db.GetCollection(Organizations).FindById(id), ToOrganization);

    public static Organization? OrganizationBySlug(LiteDatabase db, string slug) => Map(db.GetCollection(Organizations).FindOne(Query.EQ("slug", slug)), ToOrganization);

    public static Organization? SystemOrganization(LiteDatabase db) => Map(db.GetCollection(Organizations).FindOne(Query.EQ("is_system", true)), ToOrganization);

    public static Organization? OrganizationBySignupKey(LiteDatabase db, SignupKeyHash hash) =>
        Map(db.GetCollection(Organizations).FindOne(Query.EQ("signup_key_hash", hash.Hex)), ToOrganization);

    public static List<Organization> AllOrganizations(LiteDatabase db)
    {
        var organizations = db.GetCollection(Organizations).FindAll().Select(ToOrganization).ToList();
        organizations.Sort(static (a, b) => string.CompareOrdinal(a.Slug, b.Slug));
        return organizations;
    }

    /// <summary>What a listing shows: the organization fields without the configuration document, member counts, slug order.</summary>
    public static List<OrganizationSummary> OrganizationSummaries(LiteDatabase db)
    {
        var counts = db.GetCollection(Memberships).FindAll()
            .GroupBy(static d => d["organization_id"].AsGuid)
            .ToDictionary(static g => g.Key, static g => g.Count());
        // The stored configuration text is never parsed here: a listing costs the same whatever the documents hold.
        var summaries = db.GetCollection(Organizations).FindAll()
            .Select(d => ToSummary(d, counts.GetValueOrDefault(d["_id"].AsGuid)))
            .ToList();
        summaries.Sort(static (a, b) => string.CompareOrdinal(a.Slug, b.Slug));
        return summaries;
    }

    public static bool SignupKeyTakenByOther(LiteDatabase db, Organization organization) =>
        organization.SignupKeyHash is { } hash
        && db.GetCollection(Organizations).Find(Query.EQ("signup_key_hash", hash.Hex)).ToList().Any(d => d["_id"].AsGuid != organization.Id);

    public static User? UserById(LiteDatabase db, Guid id) => Map(db.GetCollection(Users).FindById(id), ToUser);

    public static User? UserByEmail(LiteDatabase db, string email) =>
        Map(db.GetCollection(Users).FindOne(Query.EQ("email_normalized", TenancyRules.NormalizeEmail(email))), ToUser);

    public static List<User> AllUsers(LiteDatabase db)
    {
        var users = db.GetCollection(Users).FindAll().Select(ToUser).ToList();
        users.Sort(static (a, b) => string.CompareOrdinal(TenancyRules.NormalizeEmail(a.Email), TenancyRules.NormalizeEmail(b.Email)));
        return users;
    }

    public static Membership? Membership(LiteDatabase db, Guid organizationId, Guid userId) =>
        Map(db.GetCollection(Memberships).FindById(MembershipId(organizationId, userId)), ToMembership);

    public static List<Membership> MembershipsOfOrganization(LiteDatabase db, Guid organizationId)
    {
        // Materialized before the nested reads: in shared mode each read opens and closes the engine under an open cursor.
        var rows = db.GetCollection(Memberships).Find(Query.EQ("organization_id", organizationId)).ToList()
            .Select(ToMembership)
            .Select(m => (Membership: m, Email: TenancyRules.NormalizeEmail(UserById(db, m.UserId)?.Email ?? string.Empty)))
            .ToList();
        rows.Sort(static (a, b) => string.CompareOrdinal(a.Email, b.Email));
        return rows.ConvertAll(static r => r.Membership);
    }

    public static List<Membership> MembershipsOfUser(LiteDatabase db, Guid userId)
    {
        var rows = db.GetCollection(Memberships).Find(Query.EQ("user_id", userId)).ToList()
            .Select(ToMembership)
            .Select(m => (Membership: m, Slug: OrganizationById(db, m.OrganizationId)?.Slug ?? string.Empty))
            .ToList();
        rows.Sort(static (a, b) => string.CompareOrdinal(a.Slug, b.Slug));
        return rows.ConvertAll(static r => r.Membership);
    }

    public static int OwnerCount(LiteDatabase db, Guid organizationId) =>
        db.GetCollection(Memberships).Count(Query.And(Query.EQ("organization_id", organizationId), Query.EQ("role", "owner")));

    public static Guid? FirstMembershipBySlug(LiteDatabase db, Guid userId) =>
        MembershipsOfUser(db, userId) is [var first, ..] ? first.OrganizationId : null;

    public static long Head(LiteDatabase db) => db.GetCollection(LiteDocs.Head).FindById(1)?["revision"].AsInt64 ?? 0;

    public static ChangeLogPage ReadLog(LiteDatabase db, long afterRevision, int maxCount)
    {
        var log = db.GetCollection(ChangeLog);
        var oldest = log.Find(Query.All("_id", Query.Ascending), limit: 1).FirstOrDefault();
        var entries = log.Find(Query.GT("_id", afterRevision), limit: maxCount).Select(ToEntry).OrderBy(static e => e.Revision);
        return new ChangeLogPage([.. entries], oldest is null ? 0 : oldest["_id"].AsInt64, Head(db));
    }

    private static T? Map<T>(BsonDocument? document, Func<BsonDocument, T> map)
        where T : class => document is null ? null : map(document);
}
