using System.Globalization;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Cli.Rendering;

/// <summary>Renders organizations for <c>org list</c> and <c>org show</c>. Never prints configuration secrets.</summary>
internal static class OrganizationRenderer
{
    private static readonly string[] s_tableHeading = ["slug", "status", "plan", "members", "name"];

    /// <summary>A table of organizations, one per line after the heading.</summary>
    /// <param name="rows">Each organization with its member count.</param>
    /// <returns>The lines.</returns>
    public static IEnumerable<string> Table(IReadOnlyList<OrganizationSummary> rows)
    {
        var table = new List<string[]> { s_tableHeading };
        table.AddRange(rows.Select(r => new[]
        {
            r.Slug,
            TenancyNames.ToName(r.Status),
            r.Plan,
            r.MemberCount.ToString(CultureInfo.InvariantCulture),
            r.IsSystem ? r.Name + " (system organization)" : r.Name,
        }));
        return Columns(table);
    }

    /// <summary>The details of one organization and its members.</summary>
    /// <param name="organization">The organization.</param>
    /// <param name="members">Each member's email, role and whether it is the member's default organization.</param>
    /// <returns>The lines.</returns>
    public static IEnumerable<string> Details(Organization organization, IReadOnlyList<(string Email, MembershipRole Role, bool IsDefault)> members)
    {
        var config = organization.Config;
        yield return $"org '{organization.Slug}'";
        yield return "  name:     " + organization.Name;
        yield return "  system:   " + (organization.IsSystem ? "yes" : "no");
        yield return "  status:   " + TenancyNames.ToName(organization.Status);
        yield return "  plan:     " + organization.Plan;
        yield return "  created:  " + Time(organization.CreatedAt);
        yield return "  updated:  " + Time(organization.UpdatedAt);
        yield return "  setups:   " + (config.SetupNames.IsEmpty ? "(none; lower layers decide)" : string.Join(", ", config.SetupNames));
        yield return "  signup:   " + (config.SignupEnabled ? "enabled" : "disabled") + (config.SignupKey is null ? string.Empty : " (key set)");
        yield return "  metadata: " + (organization.Metadata.IsEmpty ? "(none)" : string.Join(", ", organization.Metadata.Select(m => $"{m.Key}={m.Value}")));
        if (members.Count == 0)
        {
            yield return "  members:  (none)";
            yield break;
        }

        yield return "  members:";
        foreach (var line in Columns(members.Select(m => new[] { m.Email, TenancyNames.ToName(m.Role), m.IsDefault ? "(their default organization)" : string.Empty }).ToList()))
        {
            yield return "    " + line;
        }
    }

    private static string Time(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    /// <summary>Left-aligned columns two spaces apart, trailing spaces trimmed.</summary>
    private static IEnumerable<string> Columns(List<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        return rows.Select(r => string.Join("  ", r.Select((cell, i) => cell.PadRight(widths[i]))).TrimEnd());
    }
}
