using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Policy.Tests.Support;

namespace ConfigResolver.Policy.Tests.Parsing;

public sealed class MatcherSyntaxTests
{
    // The basic model's matcher is on line 11 and starts at column 5, so column = 5 + offset in the expression.
    public static TheoryData<string, int> SyntaxErrors() => new()
    {
        { "r.sub == == p.sub", 14 },
        { "(r.sub == p.sub", 20 },
        { "r.sub == 'abc", 14 },
        { "r.sub == p.sub && @", 23 },
        { "r.sub p.sub", 11 },
        { "keyMatch(r.obj, p.obj", 26 },
        { "r.sub == p.sub ? true", 26 },
        { "r.sub == p.sub && (r.obj == p.obj))", 39 },
        { "r.sub == 1.2.3", 14 },
        { "r.sub == p.sub &&", 22 },
    };

    [Theory]
    [MemberData(nameof(SyntaxErrors))]
    public void Enforcer_rejects_a_matcher_that_does_not_parse_at_the_column_of_the_bad_token(string matcher, int column)
    {
        var diagnostic = Diagnose.Single(() => Enforcer.FromText(Models.BasicWithMatcher(matcher)));

        Assert.Equal((PolicyDiagnosticCodes.MatcherSyntax, "model.conf", 11, column), (diagnostic.Code, diagnostic.File, diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void Enforcer_reports_a_syntax_error_on_a_continuation_line_at_its_own_line()
    {
        var text = Models.Basic.Replace("m = r.sub == p.sub && r.obj", "m = r.sub == p.sub \\\n    && && r.obj", StringComparison.Ordinal);

        Assert.Equal([(PolicyDiagnosticCodes.MatcherSyntax, 12, 8)], Diagnose.Positions(() => Enforcer.FromText(text)));
    }

    public static TheoryData<string, bool> AcceptedSpellings() => new()
    {
        { "r_sub == p_sub && r_obj == p_obj && r_act == p_act", true },
        { "r.sub == p.sub && r.obj == p.obj && r.act in ('read', 'write')", true },
        { "r.sub == p.sub && r.obj == p.obj && r.act in ['read', 'write']", true },
        { "r.sub == p.sub && (r.obj == p.obj || r.obj == \"data9\") && !(r.act == 'delete')", true },
        { "r.sub == p.sub && r.obj == p.obj && r.act == p.act && 1 + 2 * 3 == 7", true },
        { "r.sub == p.sub && r.obj == p.obj && r.act == p.act && 10 % 4 == 3", false },
        { "r.sub == p.sub && r.obj == p.obj && (r.act == 'write' ? false : true)", true },
    };

    [Theory]
    [MemberData(nameof(AcceptedSpellings))]
    public void Enforcer_compiles_the_grammar_casbins_examples_use(string matcher, bool expected)
    {
        var enforcer = Enforcer.FromText(Models.BasicWithMatcher(matcher), "p, alice, data1, read");

        Assert.Equal(expected, enforcer.Enforce("alice", "data1", "read"));
        Assert.False(enforcer.Enforce("bob", "data1", "read"));
    }
}
