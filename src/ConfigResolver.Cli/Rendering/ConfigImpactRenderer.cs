using System.Globalization;
using ConfigResolver.Resolution.Impact;

namespace ConfigResolver.Cli.Rendering;

/// <summary>Renders a <see cref="ConfigImpact"/>: text grouped by organization and setup, or the <c>--json</c> object. Never a secret's value.</summary>
internal static class ConfigImpactRenderer
{
    /// <summary>One heading per organization and setup, one line per value that changes, then a summary line.</summary>
    /// <param name="impact">The impact.</param>
    /// <returns>The lines.</returns>
    public static IEnumerable<string> Render(ConfigImpact impact)
    {
        ArgumentNullException.ThrowIfNull(impact);
        foreach (var group in impact.Changes.GroupBy(static c => (c.Organization, c.Setup)))
        {
            yield return $"org '{group.Key.Organization}' setup '{group.Key.Setup}'";
            foreach (var change in group)
            {
                var what = change.IsSecret ? "secret changed" : $"{change.Before} -> {change.After}";
                yield return $"  {change.Pointer}: {what} ({change.LayerBefore} -> {change.LayerAfter})";
            }
        }

        yield return impact.HasChanges
            ? string.Create(CultureInfo.InvariantCulture, $"{PolicyImpactRenderer.Count(impact.Changes.Length, "value changes", "values change")} in {PolicyImpactRenderer.Count(impact.Organizations.Length, "organization")} ({impact.OrganizationsCompared} compared).")
            : string.Create(CultureInfo.InvariantCulture, $"no resolved value changes ({impact.OrganizationsCompared} organizations compared).");
    }

    /// <summary>
    /// <c>{file, org, env, changes: [{org, setup, pointer, before, after, layer_before, layer_after, secret}], summary: {orgs, changes, compared}}</c>;
    /// <c>env</c> lists the overridden keys only, <c>secret</c> is <c>"changed"</c> for a secret (whose values are null) and null otherwise.
    /// </summary>
    /// <param name="file">The document as given, or null.</param>
    /// <param name="organization">The organization whose document changes, or null.</param>
    /// <param name="environmentKeys">The overridden environment keys.</param>
    /// <param name="impact">The impact.</param>
    /// <returns>An object for <see cref="JsonOutput"/>.</returns>
    public static object Json(string? file, string? organization, IEnumerable<string> environmentKeys, ConfigImpact impact)
    {
        ArgumentNullException.ThrowIfNull(impact);
        return new
        {
            file,
            org = organization,
            env = environmentKeys.ToArray(),
            changes = impact.Changes.Select(static c => new
            {
                org = c.Organization,
                setup = c.Setup,
                pointer = c.Pointer,
                before = c.Before,
                after = c.After,
                layer_before = c.LayerBefore,
                layer_after = c.LayerAfter,
                secret = c.IsSecret ? "changed" : null,
            }).ToArray(),
            summary = new { orgs = impact.Organizations.Length, changes = impact.Changes.Length, compared = impact.OrganizationsCompared },
        };
    }
}
