using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Policy.Tests.Support;

namespace ConfigResolver.Policy.Tests.Enforcement;

public sealed class CustomFunctionTests
{
    private const string SecondMatcherCallsCustom = """
        [request_definition]
        r = sub, obj, act
        r2 = sub, obj, act

        [policy_definition]
        p = sub, obj, act

        [policy_effect]
        e = some(where (p.eft == allow))

        [matchers]
        m = r.sub == p.sub && r.obj == p.obj && r.act == p.act
        m2 = r2.sub == p.sub && prefix(r2.obj, p.obj) && r2.act == p.act
        """;

    private static readonly EnforceContext s_second = new("r2", "p", "e", "m2");

    [Fact]
    public void A_registered_string_function_is_callable_from_a_matcher()
    {
        var enforcer = Enforcer.FromText(SecondMatcherCallsCustom, "p, alice, /data, read");

        enforcer.AddFunction("prefix", static (key, pattern) => key.StartsWith(pattern, StringComparison.Ordinal));

        Assert.True(enforcer.Enforce(s_second, "alice", "/data/x", "read"));
        Assert.False(enforcer.Enforce(s_second, "alice", "/other", "read"));
        Assert.Equal(2, enforcer.Revision);
    }

    [Fact]
    public void A_registered_function_over_any_values_receives_request_values_as_they_are()
    {
        var model = SecondMatcherCallsCustom.Replace("prefix(r2.obj, p.obj)", "older(r2.obj, 18)", StringComparison.Ordinal);
        var enforcer = Enforcer.FromText(model, "p, alice, /data, read");
        var seen = new List<object?>();

        enforcer.AddFunction("older", args =>
        {
            seen.AddRange(args);
            return args[0] is double age && args[1] is double limit && age > limit;
        });

        Assert.True(enforcer.Enforce(s_second, "alice", 30.0, "read"));
        Assert.False(enforcer.Enforce(s_second, "alice", 12.0, "read"));
        Assert.Equal([30.0, 18.0, 12.0, 18.0], seen);
    }

    [Fact]
    public void A_function_that_throws_makes_the_request_an_evaluation_error()
    {
        var enforcer = Enforcer.FromText(SecondMatcherCallsCustom, "p, alice, /data, read");

        enforcer.AddFunction("prefix", static (_, _) => throw new InvalidOperationException("boom"));

        var error = Assert.Throws<PolicyEvaluationException>(() => enforcer.Enforce(s_second, "alice", "/data/x", "read"));
        Assert.IsType<InvalidOperationException>(error.InnerException, exactMatch: false);
    }

    [Fact]
    public void A_later_registration_replaces_an_earlier_one()
    {
        var enforcer = Enforcer.FromText(SecondMatcherCallsCustom, "p, alice, /data, read");

        enforcer.AddFunction("prefix", static (_, _) => false);
        enforcer.AddFunction("prefix", static (_, _) => true);

        Assert.True(enforcer.Enforce(s_second, "alice", "/anything", "read"));
    }

    [Fact]
    public void A_model_whose_default_matcher_calls_a_function_registered_after_loading_works_as_in_go_casbin()
    {
        // Go's TestKeyMatchCustomModel: NewEnforcer(keymatch_custom_model.conf, keymatch2_policy.csv), then
        // AddFunction("keyMatchCustom", ...), then enforce. Casbin.NET users write the same sequence.
        var model = Models.BasicWithMatcher("r.sub == p.sub && keyMatchCustom(r.obj, p.obj) && regexMatch(r.act, p.act)");
        const string Policy = "p, alice, /alice_data/:resource, GET\np, alice, /alice_data2/:id/using/:resId, GET";

        var enforcer = Enforcer.FromText(model, Policy);
        enforcer.AddFunction("keyMatchCustom", static (key, pattern) =>
            key == "/alice_data2/myid/using/res_id" && pattern is "/alice_data/:resource" or "/alice_data2/:id/using/:resId");

        Assert.False(enforcer.Enforce("alice", "/alice_data2/myid", "GET"));
        Assert.True(enforcer.Enforce("alice", "/alice_data2/myid/using/res_id", "GET"));
    }
}
