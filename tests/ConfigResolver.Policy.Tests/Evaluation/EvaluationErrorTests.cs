using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Policy.Functions;
using ConfigResolver.Policy.Tests.Support;

namespace ConfigResolver.Policy.Tests.Evaluation;

/// <summary>Requests on which Go casbin's <c>Enforce</c> returns an error: the engine throws and changes nothing.</summary>
public sealed class EvaluationErrorTests
{
    private const string IpAndRegex = "ipMatch(r.sub, p.sub) && regexMatch(r.obj, p.obj) && r.act == p.act";

    public static TheoryData<string, string?, object?[]> UnevaluableRequests() => new()
    {
        { Models.Basic, "p, alice, data1, read", ["alice", "data1"] },
        { Models.Basic, "p, alice, data1, read", ["alice", "data1", "read", "extra"] },
        { Models.Basic, null, ["alice"] },
        { Models.Basic, "p, alice, data1, read", [] },
        { Models.BasicWithMatcher(IpAndRegex), "p, 192.168.2.0/24, data[0-9], read", ["alice", "data1", "read"] },
        { Models.BasicWithMatcher(IpAndRegex), "p, 192.168.2.0/24, data[0-9], read", ["", "data1", "read"] },
        { Models.BasicWithMatcher(IpAndRegex), "p, not-a-cidr, data[0-9], read", ["192.168.2.1", "data1", "read"] },
        { Models.BasicWithMatcher(IpAndRegex), "p, 192.168.2.0/24, (data, read", ["192.168.2.1", "data1", "read"] },
        { Models.BasicWithMatcher(IpAndRegex), "p, 192.168.2.0/24, data[, read", ["192.168.2.1", "data1", "read"] },
        { Models.BasicWithMatcher("r.sub == r.obj.Owner"), null, ["alice", new Dictionary<string, object?> { ["Name"] = "data1" }, "read"] },
        { Models.BasicWithMatcher("r.sub == r.obj.Owner"), null, ["alice", "data1", "read"] },
        { Models.BasicWithMatcher("r.sub.Age > 18 && r.obj == p.obj"), "p, alice, data1, read", [new Dictionary<string, object?> { ["Name"] = "alice" }, "data1", "read"] },
        { Models.BasicWithMatcher("regexMatch(r.obj, p.obj) && r.sub == p.sub && r.act == p.act"), "p, bob, (bad, read\np, alice, data1, read", ["alice", "data1", "read"] },
        { Models.BasicWithMatcher("eval(p.sub) && r.obj == p.obj"), null, ["alice", "data1", "read"] },
        { Models.BasicWithMatcher("eval(p.sub) && r.obj == p.obj"), "p, r.sub ==, data1, read", ["alice", "data1", "read"] },
    };

    [Theory]
    [MemberData(nameof(UnevaluableRequests))]
    public void Enforce_throws_an_evaluation_error_where_go_casbin_returns_an_error(string model, string? policy, object?[] request)
    {
        var enforcer = Enforcer.FromText(model, policy);

        Assert.Throws<PolicyEvaluationException>(() => enforcer.Enforce(request));
        Assert.Throws<PolicyEvaluationException>(() => enforcer.EnforceEx(request));
        Assert.Equal(1, enforcer.Revision);
    }

    [Fact]
    public void A_function_error_keeps_the_functions_exception_as_inner_exception()
    {
        var enforcer = Enforcer.FromText(Models.BasicWithMatcher(IpAndRegex), "p, 192.168.2.0/24, data1, read");

        var error = Assert.Throws<PolicyEvaluationException>(() => enforcer.Enforce("not-an-ip", "data1", "read"));

        Assert.IsType<PolicyFunctionException>(error.InnerException);
    }

    [Fact]
    public void An_evaluation_error_does_not_change_later_answers()
    {
        var enforcer = Enforcer.FromText(Models.BasicWithMatcher(IpAndRegex), "p, 192.168.2.0/24, data1, read");

        Assert.Throws<PolicyEvaluationException>(() => enforcer.Enforce("not-an-ip", "data1", "read"));

        Assert.True(enforcer.Enforce("192.168.2.9", "data1", "read"));
        Assert.False(enforcer.Enforce("192.168.3.9", "data1", "read"));
    }

    [Fact]
    public void A_rule_after_the_deciding_rule_cannot_raise_an_error()
    {
        // Go stops at the first allow under allow-override, so a broken regex in a later rule is never compiled.
        var enforcer = Enforcer.FromText(Models.BasicWithMatcher(IpAndRegex), "p, 10.0.0.0/8, data1, read\np, 10.0.0.0/8, (bad, read");

        Assert.True(enforcer.Enforce("10.1.2.3", "data1", "read"));
        Assert.Throws<PolicyEvaluationException>(() => enforcer.Enforce("10.1.2.3", "data2", "read"));
    }

    [Fact]
    public void A_rule_whose_earlier_term_is_false_cannot_raise_an_error()
    {
        // Go evaluates a rule's terms left to right and stops at the first false one, so bob's broken regex is never compiled.
        var enforcer = Enforcer.FromText(Models.BasicWithMatcher("r.sub == p.sub && regexMatch(r.obj, p.obj) && r.act == p.act"), "p, bob, (bad, read\np, alice, data1, read");

        Assert.True(enforcer.Enforce("alice", "data1", "read"));
        Assert.Throws<PolicyEvaluationException>(() => enforcer.Enforce("bob", "data1", "read"));
    }

    [Fact]
    public void BatchEnforce_throws_when_one_request_cannot_be_evaluated()
    {
        var enforcer = Enforcer.FromText(Models.Basic, "p, alice, data1, read");

        Assert.Throws<PolicyEvaluationException>(() => enforcer.BatchEnforce([["alice", "data1", "read"], ["alice"]]));
        Assert.Equal([true, false], enforcer.BatchEnforce([["alice", "data1", "read"], ["bob", "data1", "read"]]));
    }

    [Theory]
    [InlineData("{\"Owner\": \"alice\"", "alice")]
    [InlineData("[\"alice\"]", "alice")]
    public void Accept_json_request_rejects_a_value_that_looks_like_json_but_is_not_an_object(string value, string subject)
    {
        var enforcer = Enforcer.FromText(Models.BasicWithMatcher("r.sub == r.obj.Owner"), options: new EnforcerOptions { AcceptJsonRequest = true });

        Assert.Throws<PolicyEvaluationException>(() => enforcer.Enforce(subject, value, "read"));
        Assert.True(enforcer.Enforce(subject, "{\"Owner\": \"alice\"}", "read"));
    }
}
