using System.Globalization;
using ConfigResolver.Authorization.Testing;

namespace ConfigResolver.Cli.Rendering;

/// <summary>Renders policy test results: one line per passing case, an expected/actual block per failing one.</summary>
internal static class PolicyTestRenderer
{
    /// <summary>Renders the report's cases.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The lines.</returns>
    public static IEnumerable<string> Render(PolicyTestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var r in report.Results)
        {
            if (r.Passed)
            {
                yield return $"PASS {r.Suite} > {r.Case}";
                continue;
            }

            yield return string.Create(CultureInfo.InvariantCulture, $"FAIL {r.Suite} > {r.Case} ({r.File}:{r.Line}:{r.Column})");
            yield return $"  expected: {r.Expected}{(r.ExpectedReason is null ? string.Empty : $", reason containing '{r.ExpectedReason}'")}";
            yield return $"  actual:   {r.Actual}";
            if (r.Error is not null)
            {
                yield return $"  problem:  {DiagnosticRenderer.OneLine(r.Error)}";
            }

            foreach (var reason in r.Reasons)
            {
                yield return $"  reason:   {DiagnosticRenderer.OneLine(reason)}";
            }
        }
    }
}
