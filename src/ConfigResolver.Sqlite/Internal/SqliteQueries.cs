using ConfigResolver.Configuration;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using Microsoft.Data.Sqlite;
using static ConfigResolver.Sqlite.Internal.SqliteRows;

namespace ConfigResolver.Sqlite.Internal;

/// <summary>
/// The reads the store needs, shared by read connections and by write transactions (which read what they check
/// inside the transaction). Lists come back in the contract's order.
/// </summary>
internal static class SqliteQueries
{
    private const string FromOrganizations = "SELECT " + OrganizationColumns + " FROM organizations o ";
    private const string FromUsers = "SELECT " + UserColumns + " FROM users u ";

    public static Organization? OrganizationById(SqliteConnection c, SqliteTransaction? t, Guid id) =>
        SqliteCommands.Single(c, t, ReadOrganization, FromOrganizations + "WHERE o.id = $id", ("$id", Id(id)));

    public static Organization? OrganizationBySlug(SqliteConnection c, SqliteTransaction? t, string slug) =>
        SqliteCommands.Single(c, t, ReadOrganization, FromOrganizations + "WHERE o.slug = $slug", ("$slug", slug));

    public static Organization? SystemOrganization(SqliteConnection c, SqliteTransaction? t) =>
        SqliteCommands.Single(c, t, ReadOrganization, FromOrganizations + "WHERE o.is_system = 1");

    public static Organization? OrganizationBySignupKey(SqliteConnection c, SqliteTransaction? t, SignupKeyHash hash) =>
        SqliteCommands.Single(c, t, ReadOrganization, FromOrganizations + "WHERE o.signup_key_hash = $hash", ("$hash", hash.Hex));

    /// <summary>Slugs are lowercase ASCII, so SQLite's binary order is the contract's ordinal order.</summary>
    public static List<Organization> Organizations(SqliteConnection c, SqliteTransaction? t) =>
        SqliteCommands.List(c, t, ReadOrganization, FromOrganizations + "ORDER BY o.slug");

    /// <summary>Every organization's listing columns and member count; the configuration document is not read.</summary>
    public static List<OrganizationSummary> OrganizationSummaries(SqliteConnection c, SqliteTransaction? t) =>
        SqliteCommands.List(c, t, SqliteRows.ReadOrganizationSummary,
            "SELECT o.id, o.slug, o.name, o.is_system, o.status, o.plan, (SELECT COUNT(*) FROM memberships m WHERE m.organization_id = o.id) "
            + "FROM organizations o ORDER BY o.slug");

    /// <summary>Whether an organization other than <paramref name="organization"/> has its signup key hash.</summary>
    public static bool SignupKeyTakenByOther(SqliteConnection c, SqliteTransaction? t, Organization organization) =>
        organization.SignupKeyHash is { } hash
        && SqliteCommands.Exists(c, t, "SELECT 1 FROM organizations WHERE signup_key_hash = $hash AND id <> $id", ("$hash", hash.Hex), ("$id", Id(organization.Id)));

    public static User? UserById(SqliteConnection c, SqliteTransaction? t, Guid id) =>
        SqliteCommands.Single(c, t, ReadUser, FromUsers + "WHERE u.id = $id", ("$id", Id(id)));

    public static User? UserByEmail(SqliteConnection c, SqliteTransaction? t, string email) =>
        SqliteCommands.Single(c, t, ReadUser, FromUsers + "WHERE u.email_normalized = $email", ("$email", TenancyRules.NormalizeEmail(email)));

    /// <summary>Every user by normalized email, compared ordinally (UTF-16) like the other stores, not by SQLite's UTF-8 bytes.</summary>
    public static List<User> Users(SqliteConnection c, SqliteTransaction? t)
    {
        var users = SqliteCommands.List(c, t, ReadUser, FromUsers);
        users.Sort(static (a, b) => string.CompareOrdinal(TenancyRules.NormalizeEmail(a.Email), TenancyRules.NormalizeEmail(b.Email)));
        return users;
    }

    public static bool EmailTakenByOther(SqliteConnection c, SqliteTransaction? t, string email, Guid? self) =>
        SqliteCommands.Exists(
            c,
            t,
            "SELECT 1 FROM users WHERE email_normalized = $email AND ($self IS NULL OR id <> $self)",
            ("$email", TenancyRules.NormalizeEmail(email)),
            ("$self", self is { } id ? Id(id) : null));

    public static Membership? Membership(SqliteConnection c, SqliteTransaction? t, Guid organizationId, Guid userId) =>
        SqliteCommands.Single(
            c,
            t,
            ReadMembership,
            "SELECT organization_id, user_id, role FROM memberships WHERE organization_id = $org AND user_id = $user",
            ("$org", Id(organizationId)),
            ("$user", Id(userId)));

    public static List<Membership> MembershipsOfOrganization(SqliteConnection c, SqliteTransaction? t, Guid organizationId)
    {
        var rows = SqliteCommands.List(
            c,
            t,
            static r => (Membership: ReadMembership(r), Email: r.GetString(3)),
            "SELECT m.organization_id, m.user_id, m.role, u.email_normalized FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.organization_id = $org",
            ("$org", Id(organizationId)));
        rows.Sort(static (a, b) => string.CompareOrdinal(a.Email, b.Email));
        return rows.ConvertAll(static r => r.Membership);
    }

    public static List<Membership> MembershipsOfUser(SqliteConnection c, SqliteTransaction? t, Guid userId) =>
        SqliteCommands.List(
            c,
            t,
            ReadMembership,
            "SELECT m.organization_id, m.user_id, m.role FROM memberships m JOIN organizations o ON o.id = m.organization_id WHERE m.user_id = $user ORDER BY o.slug",
            ("$user", Id(userId)));

    public static int OwnerCount(SqliteConnection c, SqliteTransaction? t, Guid organizationId) =>
        (int)(long)SqliteCommands.Scalar(c, t, "SELECT COUNT(*) FROM memberships WHERE organization_id = $org AND role = 'owner'", ("$org", Id(organizationId)))!;

    /// <summary>The user's remaining membership with the lowest slug: the contract's choice for a reassigned default.</summary>
    public static Guid? FirstMembershipBySlug(SqliteConnection c, SqliteTransaction? t, Guid userId) =>
        SqliteCommands.Scalar(
            c,
            t,
            "SELECT m.organization_id FROM memberships m JOIN organizations o ON o.id = m.organization_id WHERE m.user_id = $user ORDER BY o.slug LIMIT 1",
            ("$user", Id(userId))) is string id
            ? ParseId(id)
            : null;
}
