using ConfigResolver.Storage;
using ConfigResolver.Configuration;
using ConfigResolver.Tenancy;
using Npgsql;
using static ConfigResolver.Postgres.Internal.PgRows;

namespace ConfigResolver.Postgres.Internal;

/// <summary>
/// The reads the store needs, shared by plain reads and by write transactions (which read what they check inside the
/// transaction, after the head lock). Lists come back in the contract's order.
/// </summary>
internal static class PgQueries
{
    private const string FromOrganizations = "SELECT " + OrganizationColumns + " FROM organizations o ";
    private const string FromUsers = "SELECT " + UserColumns + " FROM users u ";

    public static Task<Organization?> OrganizationByIdAsync(NpgsqlConnection c, NpgsqlTransaction? t, Guid id, CancellationToken ct) =>
        PgCommands.SingleAsync(c, t, ReadOrganization, FromOrganizations + "WHERE o.id = @id", ct, ("id", id));

    public static Task<Organization?> OrganizationBySlugAsync(NpgsqlConnection c, NpgsqlTransaction? t, string slug, CancellationToken ct) =>
        PgCommands.SingleAsync(c, t, ReadOrganization, FromOrganizations + "WHERE o.slug = @slug", ct, ("slug", slug));

    public static Task<Organization?> SystemOrganizationAsync(NpgsqlConnection c, NpgsqlTransaction? t, CancellationToken ct) =>
        PgCommands.SingleAsync(c, t, ReadOrganization, FromOrganizations + "WHERE o.is_system", ct);

    public static Task<Organization?> OrganizationBySignupKeyAsync(NpgsqlConnection c, NpgsqlTransaction? t, SignupKeyHash hash, CancellationToken ct) =>
        PgCommands.SingleAsync(c, t, ReadOrganization, FromOrganizations + "WHERE o.signup_key_hash = @hash", ct, ("hash", hash.Hex));

    /// <summary>Slugs are lowercase ASCII; the "C" collation makes the order ordinal whatever the database's locale.</summary>
    public static Task<List<Organization>> OrganizationsAsync(NpgsqlConnection c, NpgsqlTransaction? t, CancellationToken ct) =>
        PgCommands.ListAsync(c, t, ReadOrganization, FromOrganizations + "ORDER BY o.slug COLLATE \"C\"", ct);

    /// <summary>What a listing shows, member counts included, in one statement; no configuration document is read.</summary>
    public static Task<List<OrganizationSummary>> OrganizationSummariesAsync(NpgsqlConnection c, NpgsqlTransaction? t, CancellationToken ct) =>
        PgCommands.ListAsync(c, t, ReadOrganizationSummary,
            "SELECT o.id, o.slug, o.name, o.is_system, o.status, o.plan, (SELECT COUNT(*) FROM memberships m WHERE m.organization_id = o.id) "
            + "FROM organizations o ORDER BY o.slug COLLATE \"C\"", ct);

    public static async Task<bool> SignupKeyTakenByOtherAsync(NpgsqlConnection c, NpgsqlTransaction? t, Organization organization, CancellationToken ct) =>
        organization.SignupKeyHash is { } hash
        && await PgCommands.ScalarAsync(c, t, "SELECT EXISTS (SELECT 1 FROM organizations WHERE signup_key_hash = @hash AND id <> @id)", ct, ("hash", hash.Hex), ("id", organization.Id)).ConfigureAwait(false) is true;

    public static Task<User?> UserByIdAsync(NpgsqlConnection c, NpgsqlTransaction? t, Guid id, CancellationToken ct) =>
        PgCommands.SingleAsync(c, t, ReadUser, FromUsers + "WHERE u.id = @id", ct, ("id", id));

    public static Task<User?> UserByEmailAsync(NpgsqlConnection c, NpgsqlTransaction? t, string email, CancellationToken ct) =>
        PgCommands.SingleAsync(c, t, ReadUser, FromUsers + "WHERE u.email_normalized = @email", ct, ("email", TenancyRules.NormalizeEmail(email)));

    /// <summary>Every user by normalized email, compared ordinally (UTF-16) like the other stores.</summary>
    public static async Task<List<User>> UsersAsync(NpgsqlConnection c, NpgsqlTransaction? t, CancellationToken ct)
    {
        var users = await PgCommands.ListAsync(c, t, ReadUser, FromUsers, ct).ConfigureAwait(false);
        users.Sort(static (a, b) => string.CompareOrdinal(TenancyRules.NormalizeEmail(a.Email), TenancyRules.NormalizeEmail(b.Email)));
        return users;
    }

    public static async Task<bool> EmailTakenByOtherAsync(NpgsqlConnection c, NpgsqlTransaction? t, string email, Guid self, CancellationToken ct) =>
        await PgCommands.ScalarAsync(c, t, "SELECT EXISTS (SELECT 1 FROM users WHERE email_normalized = @email AND id <> @self)", ct, ("email", TenancyRules.NormalizeEmail(email)), ("self", self)).ConfigureAwait(false) is true;

    public static Task<Membership?> MembershipAsync(NpgsqlConnection c, NpgsqlTransaction? t, Guid organizationId, Guid userId, CancellationToken ct) =>
        PgCommands.SingleAsync(
            c,
            t,
            ReadMembership,
            "SELECT organization_id, user_id, role FROM memberships WHERE organization_id = @org AND user_id = @user",
            ct,
            ("org", organizationId),
            ("user", userId));

    public static async Task<List<Membership>> MembershipsOfOrganizationAsync(NpgsqlConnection c, NpgsqlTransaction? t, Guid organizationId, CancellationToken ct)
    {
        var rows = await PgCommands.ListAsync(
            c,
            t,
            static r => (Membership: ReadMembership(r), Email: r.GetString(3)),
            "SELECT m.organization_id, m.user_id, m.role, u.email_normalized FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.organization_id = @org",
            ct,
            ("org", organizationId)).ConfigureAwait(false);
        rows.Sort(static (a, b) => string.CompareOrdinal(a.Email, b.Email));
        return rows.ConvertAll(static r => r.Membership);
    }

    public static Task<List<Membership>> MembershipsOfUserAsync(NpgsqlConnection c, NpgsqlTransaction? t, Guid userId, CancellationToken ct) =>
        PgCommands.ListAsync(
            c,
            t,
            ReadMembership,
            "SELECT m.organization_id, m.user_id, m.role FROM memberships m JOIN organizations o ON o.id = m.organization_id WHERE m.user_id = @user ORDER BY o.slug COLLATE \"C\"",
            ct,
            ("user", userId));

    public static async Task<int> OwnerCountAsync(NpgsqlConnection c, NpgsqlTransaction? t, Guid organizationId, CancellationToken ct) =>
        (int)(long)(await PgCommands.ScalarAsync(c, t, "SELECT COUNT(*) FROM memberships WHERE organization_id = @org AND role = 'owner'", ct, ("org", organizationId)).ConfigureAwait(false))!;

    /// <summary>The user's remaining membership with the lowest slug: the contract's choice for a reassigned default.</summary>
    public static async Task<Guid?> FirstMembershipBySlugAsync(NpgsqlConnection c, NpgsqlTransaction? t, Guid userId, CancellationToken ct) =>
        await PgCommands.ScalarAsync(
            c,
            t,
            "SELECT m.organization_id FROM memberships m JOIN organizations o ON o.id = m.organization_id WHERE m.user_id = @user ORDER BY o.slug COLLATE \"C\" LIMIT 1",
            ct,
            ("user", userId)).ConfigureAwait(false) as Guid?;
}
