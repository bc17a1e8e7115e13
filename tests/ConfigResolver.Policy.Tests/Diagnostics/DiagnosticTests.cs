using ConfigResolver.Policy.Diagnostics;

namespace ConfigResolver.Policy.Tests.Diagnostics;

public sealed class DiagnosticTests
{
    public static TheoryData<Diagnostic, string> Renderings() => new()
    {
        { new Diagnostic("POL1003", "unsupported effect 'x'.", "m.conf", 8, 5), "m.conf:8:5: error POL1003: unsupported effect 'x'." },
        { new Diagnostic("POL1103", "too few fields.", "p.csv", 3), "p.csv:3: error POL1103: too few fields." },
        { new Diagnostic("POL1102", "unknown type.", "p.csv"), "p.csv: error POL1102: unknown type." },
        { new Diagnostic("POL1104", "cycle.", line: 2, column: 1), "2:1: error POL1104: cycle." },
        { new Diagnostic("POL1104", "cycle."), "error POL1104: cycle." },
        { new Diagnostic("POL1011", "scan.", "m.conf", 11, 5, DiagnosticSeverity.Warning), "m.conf:11:5: warning POL1011: scan." },
        { new Diagnostic("POL2004", "unknown role.", "roles.yaml", 14, 9) { Pointer = "/roles/admin" }, "roles.yaml:14:9: error POL2004: /roles/admin: unknown role." },
    };

    [Theory]
    [MemberData(nameof(Renderings))]
    public void ToString_renders_one_compiler_style_line_leaving_out_unknown_parts(Diagnostic diagnostic, string expected) =>
        Assert.Equal(expected, diagnostic.ToString());

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
        ];

        var sorted = DiagnosticOrdering.SortAndDeduplicate(diagnostics);

        Assert.Equal(["a.csv:2:1", "m.conf:3:1", "m.conf:11:5", "m.conf:11:23"], sorted.Select(static d => $"{d.File}:{d.Line}:{d.Column}"));
    }

    [Fact]
    public void Compilation_exception_holds_sorted_diagnostics_and_renders_them_in_its_message()
    {
        var exception = new PolicyCompilationException([new Diagnostic("POL1007", "b", "m.conf", 11, 23), new Diagnostic("POL1006", "a", "m.conf", 11, 5)]);

        Assert.Equal(["POL1006", "POL1007"], exception.Diagnostics.Select(static d => d.Code));
        Assert.Contains("m.conf:11:5: error POL1006: a", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compilation_exception_requires_a_diagnostic() =>
        Assert.Throws<ArgumentException>(() => new PolicyCompilationException(Array.Empty<Diagnostic>()));
}
