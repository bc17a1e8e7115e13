using System.Globalization;
using ConfigResolver.Authorization.Impact;

namespace ConfigResolver.Cli.Rendering;

/// <summary>Renders a <see cref="PolicyImpact"/>: text grouped by organization and principal, or the <c>--json</c> object.</summary>
internal static class PolicyImpactRenderer
{
    /// <summary>The text report: one block per organization, one per principal, one line per decision with its reasons.</summary>
    /// <param name="from">The old side, as given.</param>
    /// <param name="to">The new side, as given.</param>
    /// <param name="impact">The impact.</param>
    /// <param name="population">Who was compared (for the summary when nothing changes).</param>
    /// <returns>The lines.</returns>
    public static IEnumerable<string> Render(string from, string to, PolicyImpact impact, ImpactPopulation population)
    {
        ArgumentNullException.ThrowIfNull(impact);
        ArgumentNullException.ThrowIfNull(population);
        if (!impact.HasChanges)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"no decision changes from {from} to {to}: {impact.DecisionsCompared} decisions compared for {population.PrincipalCount} principals in {population.Organizations.Length} organizations.");
            yield break;
        }

        foreach (var organization in impact.Changes.GroupBy(static c => c.Organization))
        {
            yield return $"org '{organization.Key}'";
            foreach (var principal in organization.GroupBy(static c => c.Principal))
            {
                yield return $"  {principal.Key}";
                foreach (var change in principal)
                {
                    var resource = change.Resource is null ? string.Empty : $" on {change.Resource}";
                    yield return $"    {(change.Gained ? "+" : "-")} {change.Action}{resource}: {Word(change.AllowedBefore)} -> {Word(change.AllowedAfter)}";
                    yield return $"        before: {DiagnosticRenderer.OneLine(change.BecauseBefore)}";
                    yield return $"        after:  {DiagnosticRenderer.OneLine(change.BecauseAfter)}";
                }
            }
        }

        yield return string.Create(CultureInfo.InvariantCulture,
            $"{Count(impact.Changes.Length, "decision changes", "decisions change")} from {from} to {to}: {impact.Gained} gained, {impact.Lost} lost, for {Count(impact.Principals, "principal")} in {Count(impact.Organizations, "organization")} ({impact.DecisionsCompared} compared).");
    }

    /// <summary>"1 principal", "3 principals" (or the plural given).</summary>
    internal static string Count(int n, string one, string? many = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? one : many ?? one + "s")}");

    /// <summary>The <c>--json</c> object: <c>{from, to, changes: [{org, principal, action, resource, before, after, because_before, because_after}], summary: {orgs, principals, gained, lost}}</c>.</summary>
    /// <param name="from">The old side, as given.</param>
    /// <param name="to">The new side, as given.</param>
    /// <param name="impact">The impact.</param>
    /// <returns>An object for <see cref="JsonOutput"/>.</returns>
    public static object Json(string from, string to, PolicyImpact impact)
    {
        ArgumentNullException.ThrowIfNull(impact);
        return new
        {
            from,
            to,
            changes = impact.Changes.Select(static c => new
            {
                org = c.Organization,
                principal = c.Principal,
                action = c.Action,
                resource = c.Resource,
                before = Word(c.AllowedBefore),
                after = Word(c.AllowedAfter),
                because_before = c.BecauseBefore,
                because_after = c.BecauseAfter,
            }).ToArray(),
            summary = new { orgs = impact.Organizations, principals = impact.Principals, gained = impact.Gained, lost = impact.Lost, decisions_compared = impact.DecisionsCompared },
        };
    }

    private static string Word(bool allowed) => allowed ? "allow" : "deny";
}
