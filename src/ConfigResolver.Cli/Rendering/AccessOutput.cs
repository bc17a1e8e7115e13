using System.Globalization;
using ConfigResolver.Access;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Cli.Rendering;

/// <summary>How the access commands print keys, invitations and what was done with them.</summary>
internal static class AccessOutput
{
    /// <summary>
    /// A key with its secret, shown once: the <c>--json</c> object, or the secret alone on standard output with a note about
    /// it on standard error (so <c>$(cfgr apikey create ...)</c> captures the secret and nothing else).
    /// </summary>
    public static void Secret(CommandContext context, ApiKey key, string secret, string done)
    {
        if (context.Arguments.Json)
        {
            context.PrintJson(AccessJson.Key(key, secret));
            return;
        }

        context.Report($"{done} API key {key.Id:D} '{key.Name}' (prefix {key.Prefix}) in org '{key.OrganizationSlug}', scopes {string.Join(", ", key.Scopes)}{(key.Team is null ? string.Empty : $", team '{key.Team}'")}, "
            + $"expires {Time(key.ExpiresAt) ?? "never"}; the key is shown once, on standard output:");
        context.Print(secret);
    }

    /// <summary>An invitation with its token, shown once, the same way as a key's secret.</summary>
    public static void Token(CommandContext context, Invitation invitation, string token, string done)
    {
        if (context.Arguments.Json)
        {
            context.PrintJson(AccessJson.Invitation(invitation, token));
            return;
        }

        context.Report($"{done} invitation {invitation.Id:D} for '{invitation.Email}' to org '{invitation.OrganizationSlug}' as {TenancyNames.ToName(invitation.Role)}, "
            + $"expires {Time(invitation.ExpiresAt)}; send the token, shown once, on standard output:");
        context.Print(token);
    }

    /// <summary>Left-aligned columns two spaces apart, trailing spaces trimmed.</summary>
    public static IEnumerable<string> Columns(List<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        return rows.Select(r => string.Join("  ", r.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
    }

    public static string? Time(DateTimeOffset? time) => time?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
