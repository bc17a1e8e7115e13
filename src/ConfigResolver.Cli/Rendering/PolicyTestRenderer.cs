using System.Globalization;
using System.Text;
using System.Xml;
using ConfigResolver.Authorization.PolicyTests;

namespace ConfigResolver.Cli.Rendering;

/// <summary>Renders policy test results as text (PASS per case, an expected/actual block per failure), JSON or JUnit XML.</summary>
internal static class PolicyTestRenderer
{
    /// <summary>Renders the report's cases as text.</summary>
    /// <param name="report">The report.</param>
    /// <param name="color">Whether to colour PASS and FAIL.</param>
    /// <returns>The lines.</returns>
    public static IEnumerable<string> Render(PolicyTestReport report, bool color = false)
    {
        ArgumentNullException.ThrowIfNull(report);
        foreach (var r in report.Results)
        {
            if (r.Passed)
            {
                yield return $"{Colors.Verdict("PASS", true, color)} {r.Suite} > {r.Case}";
                continue;
            }

            yield return string.Create(CultureInfo.InvariantCulture, $"{Colors.Verdict("FAIL", false, color)} {r.Suite} > {r.Case} ({r.File}:{r.Line}:{r.Column})");
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

    /// <summary>The report as one object: <c>{directory, passed, failed, cases: [{suite, name, file, line, column, expected, actual, passed, expected_reason, reasons, problem}]}</c>.</summary>
    /// <param name="directory">The policy directory as given.</param>
    /// <param name="report">The report.</param>
    /// <returns>An object for <see cref="JsonOutput"/>.</returns>
    public static object Json(string directory, PolicyTestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var cases = report.Results.Select(static r => new
        {
            suite = r.Suite,
            name = r.Case,
            file = r.File,
            line = r.Line,
            column = r.Column,
            expected = r.Expected,
            actual = r.Actual,
            passed = r.Passed,
            expected_reason = r.ExpectedReason,
            reasons = r.Reasons.Select(DiagnosticRenderer.OneLine).ToArray(),
            problem = r.Error is null ? null : DiagnosticRenderer.OneLine(r.Error),
        });
        return new { directory, passed = report.Passed, failed = report.Failed, cases = cases.ToArray() };
    }

    /// <summary>The report as JUnit XML: one <c>testsuite</c> per suite, one <c>testcase</c> per case, a <c>failure</c> per failing case.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The XML, as lines.</returns>
    public static IEnumerable<string> JUnit(PolicyTestReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", Encoding = new UTF8Encoding(false) };
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "cfgr policy test");
            xml.WriteAttributeString("tests", Count(report.Results.Length));
            xml.WriteAttributeString("failures", Count(report.Failed));
            xml.WriteAttributeString("errors", "0");
            foreach (var suite in report.Results.GroupBy(static r => r.Suite, StringComparer.Ordinal))
            {
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", suite.Key);
                xml.WriteAttributeString("tests", Count(suite.Count()));
                xml.WriteAttributeString("failures", Count(suite.Count(static r => !r.Passed)));
                xml.WriteAttributeString("errors", "0");
                foreach (var r in suite)
                {
                    WriteCase(xml, r);
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()).Split('\n');
    }

    private static void WriteCase(XmlWriter xml, PolicyTestCaseResult r)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("classname", r.Suite);
        xml.WriteAttributeString("name", r.Case);
        xml.WriteAttributeString("file", r.File);
        xml.WriteAttributeString("line", Count(r.Line));
        if (!r.Passed)
        {
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("message", r.Error is null ? $"expected {r.Expected}, got {r.Actual}" : $"expected {r.Expected}: {DiagnosticRenderer.OneLine(r.Error)}");
            xml.WriteAttributeString("type", r.Error is null ? "decision" : "error");
            var details = new List<string> { string.Create(CultureInfo.InvariantCulture, $"{r.File}:{r.Line}:{r.Column}"), $"expected: {r.Expected}", $"actual:   {r.Actual}" };
            details.AddRange(r.Reasons.Select(static reason => $"reason:   {DiagnosticRenderer.OneLine(reason)}"));
            xml.WriteString(string.Join('\n', details));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
