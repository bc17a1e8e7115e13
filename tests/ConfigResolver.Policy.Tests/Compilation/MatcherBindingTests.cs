using ConfigResolver.Diagnostics;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Policy.Tests.Support;

namespace ConfigResolver.Policy.Tests.Compilation;

public sealed class MatcherBindingTests
{
    // The basic model's matcher is on line 11 and starts at column 5, so column = 5 + offset in the expression.
    public static TheoryData<string, string, int> BindingErrors() => new()
    {
        { "r.foo == p.sub", PolicyDiagnosticCodes.UnknownToken, 5 },
        { "r.sub == p.bar", PolicyDiagnosticCodes.UnknownToken, 14 },
        { "r.sub == p.sub && r2.sub == p.sub", PolicyDiagnosticCodes.UnknownToken, 23 },
        { "sub == p.sub", PolicyDiagnosticCodes.UnknownToken, 5 },
        { "r.sub == p.sub && r_owner == p.sub", PolicyDiagnosticCodes.UnknownToken, 23 },
        { "keyMatch(r.obj)", PolicyDiagnosticCodes.FunctionArity, 5 },
        { "r.sub == p.sub && regexMatch(r.obj, p.obj, r.act)", PolicyDiagnosticCodes.FunctionArity, 23 },
        { "eval(p.sub, p.obj)", PolicyDiagnosticCodes.FunctionArity, 5 },
        { "keyGet2(r.obj, p.obj)", PolicyDiagnosticCodes.FunctionArity, 5 },
    };

    [Theory]
    [MemberData(nameof(BindingErrors))]
    public void Enforcer_rejects_a_matcher_that_names_what_the_model_does_not_define(string matcher, string code, int column)
    {
        var diagnostic = Diagnose.Single(() => Enforcer.FromText(Models.BasicWithMatcher(matcher)));

        Assert.Equal((code, "model.conf", 11, column), (diagnostic.Code, diagnostic.File, diagnostic.Line, diagnostic.Column));
    }

    [Theory]
    [InlineData("g(r.sub)")]
    [InlineData("g(r.sub, p.sub, r.obj, r.act)")]
    public void Enforcer_rejects_a_role_function_with_the_wrong_number_of_arguments(string call)
    {
        var text = Models.Rbac.Replace("g(r.sub, p.sub)", call, StringComparison.Ordinal);

        Assert.Equal([(PolicyDiagnosticCodes.FunctionArity, 14, 5)], Diagnose.Positions(() => Enforcer.FromText(text)));
    }

    [Fact]
    public void Enforcer_reports_an_unknown_token_on_a_continuation_line_at_its_own_line()
    {
        var text = Models.Basic.Replace("m = r.sub == p.sub && r.obj", "m = r.sub == p.sub \\\n    && r.foo", StringComparison.Ordinal);

        Assert.Equal([(PolicyDiagnosticCodes.UnknownToken, 12, 8)], Diagnose.Positions(() => Enforcer.FromText(text)));
    }

    [Fact]
    public void Enforcer_reports_every_matcher_problem_at_once_sorted_by_column()
    {
        var text = Models.BasicWithMatcher("r.foo == p.sub && bar(r.obj) && keyMatch(r.act)");

        var positions = Diagnose.Positions(() => Enforcer.FromText(text));

        Assert.Equal(
            [(PolicyDiagnosticCodes.UnknownToken, 11, 5), (PolicyDiagnosticCodes.UnknownFunction, 11, 23), (PolicyDiagnosticCodes.FunctionArity, 11, 37)],
            positions);
    }

    [Fact]
    public void Enforcer_reports_model_problems_and_matcher_problems_together()
    {
        // One problem in the effect (found while reading the model) and one in the matcher (found while binding it):
        // both are in the same file and a user fixing the model should see both in one run.
        var text = Models.BasicWithEffect("anything(p.eft)").Replace("r.act == p.act", "fooMatch(r.act, p.act)", StringComparison.Ordinal);

        var positions = Diagnose.Positions(() => Enforcer.FromText(text));

        Assert.Equal([(PolicyDiagnosticCodes.UnsupportedEffect, 8, 5), (PolicyDiagnosticCodes.UnknownFunction, 11, 41)], positions);
    }

    public static TheoryData<string, int> UnknownFunctions() => new()
    {
        { "fooMatch(r.obj, p.obj)", 5 },
        { "r.sub == p.sub && g(r.sub, p.sub)", 23 },
    };

    [Theory]
    [MemberData(nameof(UnknownFunctions))]
    public void An_unknown_function_alone_loads_with_a_positioned_warning_and_every_check_fails_until_registered(string matcher, int column)
    {
        // Casbin (Go and .NET) loads first and lets AddFunction follow; until then every check is an error.
        var enforcer = Enforcer.FromText(Models.BasicWithMatcher(matcher), "p, alice, data1, read");

        var warning = Assert.Single(enforcer.Snapshot.Diagnostics, static d => d.Code == PolicyDiagnosticCodes.UnknownFunction);
        Assert.Equal((DiagnosticSeverity.Warning, "model.conf", 11, column), (warning.Severity, warning.File, warning.Line, warning.Column));
        var error = Assert.Throws<PolicyEvaluationException>(() => enforcer.Enforce("alice", "data1", "read"));
        Assert.Contains($"model.conf:11:{column}", error.Message, StringComparison.Ordinal);
        Assert.Throws<PolicyEvaluationException>(() => enforcer.Enforce("alice", "data1", "read"));
    }

    [Fact]
    public void Unknown_function_diagnostic_lists_the_functions_that_exist()
    {
        var enforcer = Enforcer.FromText(Models.Rbac.Replace("g(r.sub, p.sub)", "myMatch(r.sub, p.sub)", StringComparison.Ordinal));

        var diagnostic = Assert.Single(enforcer.Snapshot.Diagnostics, static d => d.Code == PolicyDiagnosticCodes.UnknownFunction);
        Assert.All(["'g'", "'keyMatch'", "'regexMatch'", "'ipMatch'", "'eval'"], name => Assert.Contains(name, diagnostic.Message, StringComparison.Ordinal));
    }
}
