using System.Globalization;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Cli.Rendering;

/// <summary>
/// The JSON shapes of organizations, users and memberships for <c>--json</c> (docs/cli.md). Names and slugs identify
/// things, as everywhere in the CLI; internal ids and configuration secrets never appear.
/// </summary>
internal static class TenancyJson
{
    /// <summary>An organization: <c>{slug, name, is_system, status, plan, created_at, updated_at, setups, signup, metadata}</c>, plus <c>members</c> when given.</summary>
    /// <param name="organization">The organization.</param>
    /// <param name="members">Its members, or null to leave the field out; secrets are never included.</param>
    /// <param name="memberCount">The member count, for lists (<c>org list</c>), or null.</param>
    /// <returns>An object for <see cref="JsonOutput"/>.</returns>
    public static Dictionary<string, object?> Organization(Organization organization, IEnumerable<(string Email, MembershipRole Role, bool IsDefault)>? members = null, int? memberCount = null)
    {
        ArgumentNullException.ThrowIfNull(organization);
        var config = organization.Config;
        var body = new Dictionary<string, object?>
        {
            ["slug"] = organization.Slug,
            ["name"] = organization.Name,
            ["is_system"] = organization.IsSystem,
            ["status"] = TenancyNames.ToName(organization.Status),
            ["plan"] = organization.Plan,
            ["created_at"] = Time(organization.CreatedAt),
            ["updated_at"] = Time(organization.UpdatedAt),
            ["setups"] = config.SetupNames.ToArray(),
            ["signup"] = new { enabled = config.SignupEnabled, key_set = config.SignupKey is not null },
            ["metadata"] = organization.Metadata,
        };
        if (memberCount is { } count)
        {
            body["member_count"] = count;
        }

        if (members is not null)
        {
            body["members"] = members.Select(static m => new { email = m.Email, role = TenancyNames.ToName(m.Role), is_default = m.IsDefault }).ToArray();
        }

        return body;
    }

    /// <summary>An organization as <c>org list</c> shows it: <c>{slug, name, is_system, status, plan, member_count}</c>, read without its configuration document.</summary>
    /// <param name="summary">The organization's summary.</param>
    /// <returns>An object for <see cref="JsonOutput"/>.</returns>
    public static object Summary(OrganizationSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new
        {
            slug = summary.Slug,
            name = summary.Name,
            is_system = summary.IsSystem,
            status = TenancyNames.ToName(summary.Status),
            plan = summary.Plan,
            member_count = summary.MemberCount,
        };
    }

    /// <summary>A user: <c>{email, name, default_org, created_at}</c>.</summary>
    /// <param name="user">The user.</param>
    /// <param name="defaultOrganization">The slug of their default organization, or null.</param>
    /// <returns>An object for <see cref="JsonOutput"/>.</returns>
    public static object User(User user, string? defaultOrganization)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new { email = user.Email, name = user.Name, default_org = defaultOrganization, created_at = Time(user.CreatedAt) };
    }

    /// <summary>A membership: <c>{org, email, role}</c>.</summary>
    /// <param name="organization">The organization's slug.</param>
    /// <param name="email">The user's email.</param>
    /// <param name="role">The role, or null when the membership was removed.</param>
    /// <returns>An object for <see cref="JsonOutput"/>.</returns>
    public static object Membership(string organization, string email, MembershipRole? role) =>
        new { org = organization, email, role = role is { } r ? TenancyNames.ToName(r) : null };

    private static string Time(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);
}
