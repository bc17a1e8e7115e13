using System.Globalization;
using System.Text.Json;
using ConfigResolver.Access;
using ConfigResolver.Auditing;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Cli.Rendering;

/// <summary>
/// The JSON shapes of the access commands (docs/cli.md). A key's or invitation's secret appears only in the object a
/// create, rotate or resend prints, and only because the caller asked for that command.
/// </summary>
internal static class AccessJson
{
    /// <summary><c>{id, name, prefix, scopes, expires_at}</c>, plus <c>team</c> for a key bound to one and <c>secret</c> when given.</summary>
    public static Dictionary<string, object?> Key(ApiKey key, string? secret = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["id"] = key.Id.ToString("D"),
            ["name"] = key.Name,
            ["prefix"] = key.Prefix,
            ["scopes"] = key.Scopes.ToArray(),
            ["expires_at"] = Time(key.ExpiresAt),
        };
        if (key.Team is not null)
        {
            body["team"] = key.Team;
        }

        if (secret is not null)
        {
            body["secret"] = secret;
        }

        return body;
    }

    /// <summary><c>{id, email, role, expires_at}</c>, plus <c>token</c> when given.</summary>
    public static Dictionary<string, object?> Invitation(Invitation invitation, string? token = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["id"] = invitation.Id.ToString("D"),
            ["email"] = invitation.Email,
            ["role"] = TenancyNames.ToName(invitation.Role),
            ["expires_at"] = Time(invitation.ExpiresAt),
        };
        if (token is not null)
        {
            body["token"] = token;
        }

        return body;
    }

    /// <summary><c>{org, email, role, user_created}</c>: what a join (accept, sign-up) did.</summary>
    public static object Joined(JoinResult joined) => new
    {
        org = joined.Organization.Slug,
        email = joined.User.Email,
        role = TenancyNames.ToName(joined.Role),
        user_created = joined.UserCreated,
    };

    /// <summary><c>{id, time, actor, action, organization, target, changes}</c>, <c>changes</c> as a JSON object.</summary>
    public static object Audit(AuditEvent audit)
    {
        using var changes = JsonDocument.Parse(audit.Changes);
        return new
        {
            id = audit.Id,
            time = Time(audit.Time),
            actor = audit.Actor,
            action = audit.Action,
            organization = audit.Organization,
            target = audit.Target,
            changes = changes.RootElement.Clone(),
        };
    }

    public static string? Time(DateTimeOffset? time) => time?.ToString("O", CultureInfo.InvariantCulture);
}
