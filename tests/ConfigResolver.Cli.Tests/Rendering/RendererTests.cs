using System.Collections.Immutable;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Diagnostics;
using ConfigResolver.Policy;

namespace ConfigResolver.Cli.Tests.Rendering;

public sealed class RendererTests
{
    public static TheoryData<Diagnostic, string> Diagnostics() => new()
    {
        { new Diagnostic("POL1003", "unsupported effect.", "m.conf", 8, 5), "m.conf:8:5: error POL1003: unsupported effect." },
        { new Diagnostic("POL1103", "too few fields.", "p.csv", 3), "p.csv:3: error POL1103: too few fields." },
        { new Diagnostic("POL1102", "unknown type.", "p.csv"), "p.csv: error POL1102: unknown type." },
        { new Diagnostic("POL1104", "cycle."), "error POL1104: cycle." },
        { new Diagnostic("POL1011", "scan.", "m.conf", 11, 5, DiagnosticSeverity.Warning), "m.conf:11:5: warning POL1011: scan." },
        { new Diagnostic("POL2004", "unknown role.", "roles.yaml", 14, 9) { Pointer = "/roles/admin" }, "roles.yaml:14:9: error POL2004: /roles/admin: unknown role." },
        { new Diagnostic("POL1005", "first line\nsecond line\r\n  third", "m.conf", 1, 1), "m.conf:1:1: error POL1005: first line second line third" },
    };

    [Theory]
    [MemberData(nameof(Diagnostics))]
    public void Diagnostic_renders_as_one_compiler_style_line(Diagnostic diagnostic, string expected) =>
        Assert.Equal(expected, DiagnosticRenderer.Render(diagnostic));

    [Fact]
    public void Diagnostics_render_sorted_by_file_line_and_column()
    {
        Diagnostic[] diagnostics = [new("B", "b", "m.conf", 9, 1), new("C", "c", "a.csv", 1, 1), new("A", "a", "m.conf", 2, 7)];

        Assert.Equal(["a.csv:1:1: error C: c", "m.conf:2:7: error A: a", "m.conf:9:1: error B: b"], DiagnosticRenderer.RenderAll(DiagnosticRenderer.InFileOrder(diagnostics)));
    }

    public static TheoryData<EnforceResult, string> Explanations() => new()
    {
        { new EnforceResult(true, ["alice", "data1", "read"], 1, UsedScan: false), """{"allowed":true,"explain":["alice","data1","read"],"revision":1}""" },
        { new EnforceResult(false, [], 42, UsedScan: true), """{"allowed":false,"explain":[],"revision":42}""" },
        { new EnforceResult(true, ["r.sub.Age > 18 && \"x\"", "/données/*", "it's"], 3, UsedScan: true), """{"allowed":true,"explain":["r.sub.Age > 18 && \"x\"","/données/*","it's"],"revision":3}""" },
    };

    [Theory]
    [MemberData(nameof(Explanations))]
    public void Explained_decision_is_one_readable_json_object(EnforceResult result, string expected) =>
        Assert.Equal(expected, DecisionRenderer.Explained(result));

    [Theory]
    [InlineData(true, "true")]
    [InlineData(false, "false")]
    public void Plain_decision_is_true_or_false(bool allowed, string expected) =>
        Assert.Equal(expected, DecisionRenderer.Decision(allowed));

    [Fact]
    public void Evaluation_error_is_one_line_starting_with_error() =>
        Assert.Equal("error: bad ip x", DecisionRenderer.Error("bad ip\nx"));

    [Fact]
    public void Explanations_use_the_immutable_array_as_given()
    {
        ImmutableArray<string> explain = ["a"];

        Assert.Contains("\"explain\":[\"a\"]", DecisionRenderer.Explained(new EnforceResult(true, explain, 1, false)), StringComparison.Ordinal);
    }
}
