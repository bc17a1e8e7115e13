namespace ConfigResolver.Diagnostics.Tests;

public sealed class DiagnosticTests
{
    /// <summary>
    /// Every form the library and the engine print: the subject, the file with the known parts of its position (or,
    /// without a file and a pointer, 'line L, column C'), the severity, the code, the pointer and the message.
    /// </summary>
    public static TheoryData<Diagnostic, string> Renderings() => new()
    {
        { new Diagnostic("POL1003", "unsupported effect 'x'.", "m.conf", 8, 5), "m.conf:8:5: error POL1003: unsupported effect 'x'." },
        { new Diagnostic("POL1103", "too few fields.", "p.csv", 3), "p.csv:3: error POL1103: too few fields." },
        { new Diagnostic("POL1102", "unknown type.", "p.csv"), "p.csv: error POL1102: unknown type." },
        { new Diagnostic("POL1104", "cycle."), "error POL1104: cycle." },
        { new Diagnostic("POL1011", "scan.", "m.conf", 11, 5, DiagnosticSeverity.Warning), "m.conf:11:5: warning POL1011: scan." },
        { new Diagnostic("POL2004", "unknown role.", "roles.yaml", 14, 9) { Pointer = "/roles/admin" }, "roles.yaml:14:9: error POL2004: /roles/admin: unknown role." },
        { new Diagnostic("CFG1001", "invalid JSON: x.") { Where = "org 'acme'", Line = 3, Column = 5 }, "org 'acme': line 3, column 5: error CFG1001: invalid JSON: x." },
        { new Diagnostic("POL1104", "cycle.", line: 2, column: 1), "line 2, column 1: error POL1104: cycle." },
        { new Diagnostic("CFG1001", "invalid JSON: x.") { File = "acme.json", Line = 3, Column = 5, Pointer = "/a" }, "acme.json:3:5: error CFG1001: /a: invalid JSON: x." },
        { new Diagnostic("CFG1001", "invalid JSON: x.") { Where = "org 'acme'", File = "acme.json", Line = 3, Column = 5 }, "org 'acme': acme.json:3:5: error CFG1001: invalid JSON: x." },
        { new Diagnostic("TEN2007", "m.") { Where = "org 'system'" }, "org 'system': error TEN2007: m." },
        { new Diagnostic("X1", "m.") { Severity = DiagnosticSeverity.Warning, Pointer = "/p" }, "warning X1: /p: m." },
        { new Diagnostic("X1", "m.", severity: DiagnosticSeverity.Info) { Pointer = string.Empty }, "info X1: m." },
    };

    [Theory]
    [MemberData(nameof(Renderings))]
    public void ToString_renders_one_compiler_style_line_leaving_out_unknown_parts(Diagnostic diagnostic, string expected) =>
        Assert.Equal(expected, diagnostic.ToString());

    [Fact]
    public void Mismatch_says_what_was_expected_and_what_was_found()
    {
        var diagnostic = Diagnostic.Mismatch("CFG1003", "/setups/default/providers/openai/base_url", "an absolute http or https URL", "'localhost:8080'")
            with { Where = "org 'acme'", Line = 4, Column = 20 };

        Assert.Equal(
            "org 'acme': error CFG1003: /setups/default/providers/openai/base_url: expected an absolute http or https URL; found 'localhost:8080'.",
            diagnostic.ToString());
        Assert.Equal(("an absolute http or https URL", "'localhost:8080'"), (diagnostic.Expected, diagnostic.Actual));
    }

    [Fact]
    public void A_zero_line_or_column_is_unknown()
    {
        var diagnostic = new Diagnostic("POL1103", "m.", "p.csv", 0, 0);

        Assert.Equal(((int?)null, (int?)null), (diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void A_diagnostic_needs_a_code() =>
        Assert.Throws<ArgumentException>(() => new Diagnostic(string.Empty, "m."));

    [Fact]
    public void Ordering_sorts_by_file_line_column_and_code_and_drops_duplicates()
    {
        Diagnostic[] diagnostics =
        [
            new("POL1007", "b", "m.conf", 11, 23),
            new("POL1006", "a", "m.conf", 11, 5),
            new("POL1101", "c", "a.csv", 2, 1),
            new("POL1006", "a", "m.conf", 11, 5),
            new("POL1001", "d", "m.conf", 3, 1),
            new("POL1015", "e", "m.conf"),
        ];

        var sorted = DiagnosticOrdering.SortAndDeduplicate(diagnostics);

        Assert.Equal(["a.csv:2:1", "m.conf::", "m.conf:3:1", "m.conf:11:5", "m.conf:11:23"], sorted.Select(static d => $"{d.File}:{d.Line}:{d.Column}"));
    }
}
