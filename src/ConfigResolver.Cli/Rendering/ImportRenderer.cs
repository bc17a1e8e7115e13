using System.Collections.Immutable;
using System.Globalization;
using ConfigResolver.Import;

namespace ConfigResolver.Cli.Rendering;

/// <summary>
/// Renders an import report: every organization's outcome, the users and memberships that were not simply imported
/// (skipped, rejected, or promoted), the organizations holding the system organization's keys, and a summary table.
/// Rejections' diagnostics go to standard error, one line each.
/// </summary>
internal static class ImportRenderer
{
    /// <summary>The diagnostics of every rejection, for standard error.</summary>
    /// <param name="report">The report.</param>
    /// <returns>One line per problem.</returns>
    public static IEnumerable<string> Diagnostics(LambImportReport report) =>
        All(report).SelectMany(static r => r.Diagnostics).Select(static d => DiagnosticRenderer.Render(d, inputFile: null));

    /// <summary>The text report.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The lines.</returns>
    public static IEnumerable<string> Lines(LambImportReport report)
    {
        if (report.DryRun)
        {
            yield return "dry run: nothing was written; 'imported' means it would be.";
        }

        foreach (var organization in report.Organizations)
        {
            var target = organization.Organization is { Length: > 0 } slug && slug != organization.Subject ? $" -> '{slug}'" : string.Empty;
            yield return $"organization '{organization.Subject}'{target}: {Outcome(organization)}";
        }

        foreach (var result in report.Users.Concat(report.Memberships).Where(static r => r.Outcome != LambImportOutcome.Imported || r.Reason is not null))
        {
            yield return $"{result.Kind} '{result.Subject}': {Outcome(result)}";
        }

        foreach (var key in report.SharedKeys)
        {
            yield return $"shared operator key: org '{key.Organization}' holds the system organization's key at {key.Location} (system: {key.SystemLocation}); remove it and set {key.OptIn} to true";
        }

        yield return "summary:";
        yield return $"  {string.Empty,-13}  imported  skipped  rejected";
        yield return Row("organizations", report.Organizations);
        yield return Row("users", report.Users);
        yield return Row("memberships", report.Memberships);
    }

    /// <summary>The report as one JSON value.</summary>
    /// <param name="report">The report.</param>
    /// <returns>An object for <see cref="JsonOutput"/>.</returns>
    public static object Json(LambImportReport report) => new
    {
        dry_run = report.DryRun,
        organizations = report.Organizations.Select(static o => new { lamb_id = o.LambId, slug = o.Subject, target = o.Organization, outcome = Name(o.Outcome), reason = o.Reason, diagnostics = Diagnostics(o) }),
        users = report.Users.Select(static u => new { lamb_id = u.LambId, email = u.Email, outcome = Name(u.Outcome), reason = u.Reason, diagnostics = Diagnostics(u) }),
        memberships = report.Memberships.Select(static m => new { organization = m.Organization, email = m.Email, role = m.Role, outcome = Name(m.Outcome), reason = m.Reason, diagnostics = Diagnostics(m) }),
        shared_keys = report.SharedKeys.Select(static k => new { organization = k.Organization, location = k.Location, system_location = k.SystemLocation, opt_in = k.OptIn }),
        summary = new
        {
            organizations = Counts(report.Organizations),
            users = Counts(report.Users),
            memberships = Counts(report.Memberships),
        },
    };

    private static IEnumerable<LambImportResult> All(LambImportReport report) => report.Organizations.Concat(report.Users).Concat(report.Memberships);

    private static string Outcome(LambImportResult result)
    {
        var role = result.Kind == "membership" && result.Outcome == LambImportOutcome.Imported ? $" as {result.Role}" : string.Empty;
        var reason = result.Reason is null ? string.Empty : ": " + DiagnosticRenderer.OneLine(result.Reason);
        return Name(result.Outcome) + role + reason;
    }

    private static string Row(string kind, ImmutableArray<LambImportResult> results) => string.Create(CultureInfo.InvariantCulture,
        $"  {kind,-13}  {LambImportReport.Count(results, LambImportOutcome.Imported),8}  {LambImportReport.Count(results, LambImportOutcome.Skipped),7}  {LambImportReport.Count(results, LambImportOutcome.Rejected),8}");

    private static object Counts(ImmutableArray<LambImportResult> results) => new
    {
        imported = LambImportReport.Count(results, LambImportOutcome.Imported),
        skipped = LambImportReport.Count(results, LambImportOutcome.Skipped),
        rejected = LambImportReport.Count(results, LambImportOutcome.Rejected),
    };

    private static CliDiagnostic[] Diagnostics(LambImportResult result) => [.. result.Diagnostics.Select(static d => DiagnosticRenderer.ToJson(d, inputFile: null))];

    private static string Name(LambImportOutcome outcome) => outcome switch
    {
        LambImportOutcome.Imported => "imported",
        LambImportOutcome.Skipped => "skipped",
        _ => "rejected",
    };
}
