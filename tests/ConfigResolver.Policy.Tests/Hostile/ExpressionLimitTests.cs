using System.Diagnostics;
using ConfigResolver.Diagnostics;
using ConfigResolver.Policy.Conditions;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Policy.Tests.Support;

namespace ConfigResolver.Policy.Tests.Hostile;

/// <summary>
/// Matchers and conditions built to exhaust the stack: each is refused with POL1013 at compile time (or answered), quickly.
/// A stack overflow would kill the test host, so these tests running at all is part of what they prove.
/// </summary>
public sealed class ExpressionLimitTests
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(2);

    public static TheoryData<string, string> TooComplex => new()
    {
        { "5,000 nested parentheses", new string('(', 5000) + "r.sub == p.sub" + new string(')', 5000) },
        { "20,000 nested parentheses", new string('(', 20_000) + "r.sub == p.sub" + new string(')', 20_000) },
        { "100,000 ||", "r.sub == p.sub" + string.Concat(Enumerable.Repeat(" || r.sub == p.sub", 100_000)) },
        { "3,000 || within the length limit", "true" + string.Concat(Enumerable.Repeat("||true", 3000)) },
        { "20,000 nested function calls", string.Concat(Enumerable.Repeat("keyMatch(r.obj, ", 20_000)) + "p.obj" + new string(')', 20_000) },
        { "20,000 prefix operators", new string('!', 20_000) + "true" },
        { "20,000 nested lists", "r.sub in " + new string('(', 20_000) + "'a', 'b'" + new string(')', 20_000) },
    };

    [Theory]
    [MemberData(nameof(TooComplex))]
    public void A_matcher_that_would_exhaust_the_stack_is_refused_at_compile_time(string name, string matcher)
    {
        var clock = Stopwatch.StartNew();

        var diagnostic = Diagnose.Single(() => Enforcer.FromText(Models.BasicWithMatcher(matcher)));

        Assert.True(clock.Elapsed < s_bound, $"{name}: took {clock.Elapsed}");
        Assert.Equal((PolicyDiagnosticCodes.ExpressionTooComplex, "model.conf", 11), (diagnostic.Code, diagnostic.File, diagnostic.Line));
    }

    [Theory]
    [MemberData(nameof(TooComplex))]
    public void A_condition_that_would_exhaust_the_stack_is_refused_with_its_position(string name, string condition)
    {
        var shape = FieldShape.WithFields(new Dictionary<string, FieldShape> { ["sub"] = FieldShape.Scalar, ["obj"] = FieldShape.Scalar });
        var compiler = new ConditionCompiler([new ConditionVariable("r", shape), new ConditionVariable("p", shape)]);
        var diagnostics = new List<Diagnostic>();

        var compiled = compiler.Compile(condition, "rules.yaml", 7, 11, diagnostics);

        Assert.Null(compiled);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal((PolicyDiagnosticCodes.ExpressionTooComplex, "rules.yaml", 7), (diagnostic.Code, diagnostic.File, diagnostic.Line));
        Assert.True(diagnostic.Column >= 11, name);
    }

    [Fact]
    public void Nesting_up_to_the_limit_still_compiles_and_answers()
    {
        var matcher = new string('(', 200) + "r.sub == p.sub" + new string(')', 200) + string.Concat(Enumerable.Repeat(" || false", 200));
        var enforcer = Enforcer.FromText(Models.BasicWithMatcher(matcher), "p, alice, data1, read");

        Assert.True(enforcer.Enforce("alice", "data1", "read"));
        Assert.False(enforcer.Enforce("bob", "data1", "read"));
    }

    [Fact]
    public void An_eval_rule_that_is_too_deep_fails_its_request_without_taking_the_process_down()
    {
        var enforcer = Enforcer.FromText(Models.BasicWithMatcher("eval(p.sub)"), "p, \"" + new string('!', 20_000) + "true\", data1, read");

        var e = Assert.Throws<PolicyEvaluationException>(() => enforcer.Enforce("alice", "data1", "read"));

        Assert.Contains("nests deeper than 256 levels", e.Message, StringComparison.Ordinal);
    }
}
