using ConfigResolver.Diagnostics;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Policy.Parsing;
using ConfigResolver.Policy.Tests.Support;

namespace ConfigResolver.Policy.Tests.Parsing;

public sealed class PolicyCsvTests
{
    public static TheoryData<string, string[]> Records() => new()
    {
        { "p, alice, data1, read", ["p", "alice", "data1", "read"] },
        { "p,alice,data1,read", ["p", "alice", "data1", "read"] },
        { "p,   alice , data1,read", ["p", "alice ", "data1", "read"] },
        { "   p, alice, data1, read   ", ["p", "alice", "data1", "read"] },
        { "p, \"alice, bob\", data1, read", ["p", "alice, bob", "data1", "read"] },
        { "p, \"say \"\"hi\"\"\", data1, read", ["p", "say \"hi\"", "data1", "read"] },
        { "p, \"\", data1, read", ["p", "", "data1", "read"] },
        { "p, alice, data1,", ["p", "alice", "data1", ""] },
        { "p, keyMatch(a, b), x", ["p", "keyMatch(a", "b)", "x"] },
        { "p, {a,b}, x", ["p", "{a", "b}", "x"] },
        { "p, alice, #not-a-comment", ["p", "alice", "#not-a-comment"] },
        { "p, alice, data1, read\r", ["p", "alice", "data1", "read"] },
    };

    [Theory]
    [MemberData(nameof(Records))]
    public void Parse_splits_a_record_as_go_casbins_file_adapter_does(string line, string[] expected)
    {
        var diagnostics = new List<Diagnostic>();

        var parsed = Assert.Single(PolicyCsv.Parse(line, "p.csv", diagnostics));

        Assert.Empty(diagnostics);
        Assert.Equal(expected, parsed.Fields.Prepend(parsed.Type));
    }

    [Fact]
    public void Parse_skips_comments_and_blank_lines_and_keeps_line_numbers()
    {
        const string Text = "# header\n\np, alice, data1, read\n   # indented comment\n\t\ng, alice, admin\n";
        var diagnostics = new List<Diagnostic>();

        var lines = PolicyCsv.Parse(Text, "p.csv", diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal([("p", 3), ("g", 6)], lines.Select(static l => (l.Type, l.Line)));
    }

    public static TheoryData<string, int, int> BareQuotes() => new()
    {
        { "p, da\"ta1, read", 1, 6 },
        { "p, alice, read\n  p, x, \"y\"z, w", 2, 12 },
        { "p, a,\"unterminated", 1, 6 },
        { "p, \"quoted\" , read", 1, 12 },
    };

    [Theory]
    [MemberData(nameof(BareQuotes))]
    public void Parse_reports_a_misplaced_quote_with_its_line_and_column(string text, int line, int column)
    {
        var diagnostics = new List<Diagnostic>();

        PolicyCsv.Parse(text, "p.csv", diagnostics);

        Assert.Equal([(PolicyDiagnosticCodes.PolicySyntax, "p.csv", line, column)], diagnostics.Select(static d => (d.Code, d.File, d.Line, d.Column)));
    }

    [Fact]
    public void Parse_collects_every_syntax_problem_and_keeps_the_good_lines()
    {
        var diagnostics = new List<Diagnostic>();

        var lines = PolicyCsv.Parse("p, a\"b, c\np, alice, data1, read\np, x, \"y", "p.csv", diagnostics);

        Assert.Equal([1, 3], diagnostics.Select(static d => d.Line));
        Assert.Equal([2], lines.Select(static l => l.Line));
    }

    [Fact]
    public void Enforcer_rejects_a_policy_with_a_syntax_error()
    {
        var positions = Diagnose.Positions(() => Enforcer.FromText(Models.Basic, "p, alice, data1, read\np, bob, da\"ta2, write"));

        Assert.Equal([(PolicyDiagnosticCodes.PolicySyntax, 2, 11)], positions);
    }

    [Fact]
    public void Enforcer_rejects_a_line_of_a_type_the_model_does_not_define()
    {
        var diagnostic = Diagnose.Single(() => Enforcer.FromText(Models.Basic, "p, alice, data1, read\nbob, data2, write"));

        Assert.Equal((PolicyDiagnosticCodes.UnknownPolicyType, "policy.csv", 2, 1), (diagnostic.Code, diagnostic.File, diagnostic.Line, diagnostic.Column));
    }

    public static TheoryData<string, string> WrongFieldCounts() => new()
    {
        { Models.Basic, "p, alice, data1" },
        { Models.Basic, "p, alice, data1, read, extra" },
        { Models.Rbac, "g, alice" },
        { Models.RbacWithDomains, "g, alice, admin" },
    };

    [Theory]
    [MemberData(nameof(WrongFieldCounts))]
    public void Enforcer_rejects_a_rule_with_the_wrong_number_of_fields(string model, string line) =>
        Assert.Equal([(PolicyDiagnosticCodes.PolicyFieldCount, 2, 1)], Diagnose.Positions(() => Enforcer.FromText(model, "# first line\n" + line)));

    [Fact]
    public void Enforcer_ignores_extra_fields_of_a_role_link()
    {
        var enforcer = Enforcer.FromText(Models.Rbac, "p, admin, data1, read\ng, alice, admin, ignored, too");

        Assert.True(enforcer.Enforce("alice", "data1", "read"));
    }

    [Fact]
    public void Enforcer_reports_every_unknown_type_and_wrong_size_at_once()
    {
        const string Policy = "p, alice, data1, read\nq, x, y, z\np, bob\ng, alice, admin\np, carol, data1, read";

        var positions = Diagnose.Positions(() => Enforcer.FromText(Models.Basic, Policy));

        Assert.Equal([(PolicyDiagnosticCodes.UnknownPolicyType, 2, 1), (PolicyDiagnosticCodes.PolicyFieldCount, 3, 1), (PolicyDiagnosticCodes.UnknownPolicyType, 4, 1)], positions);
    }

    [Fact]
    public void Enforcer_loads_a_duplicate_line_once()
    {
        var enforcer = Enforcer.FromText(Models.Basic, "p, alice, data1, read\np,alice,data1,read\np, bob, data2, write");

        Assert.Equal(2, enforcer.GetPolicy().Count);
    }
}
