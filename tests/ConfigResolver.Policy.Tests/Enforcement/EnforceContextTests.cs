using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Policy.Tests.Support;

namespace ConfigResolver.Policy.Tests.Enforcement;

public sealed class EnforceContextTests
{
    private const string Policy = "p, alice, data1, read\np2, bob, /data/*, allow\np2, bob, /data/secret, deny";

    private static Enforcer Create() => Enforcer.FromText(Models.TwoContexts, Policy);

    public static TheoryData<EnforceContext, object?[], bool> Requests() => new()
    {
        { EnforceContext.Default, ["alice", "data1", "read"], true },
        { EnforceContext.Default, ["bob", "data1", "read"], false },
        { EnforceContext.WithSuffix("2"), ["bob", "/data/x"], true },
        { EnforceContext.WithSuffix("2"), ["bob", "/data/secret"], false },
        { EnforceContext.WithSuffix("2"), ["alice", "/data/x"], true },
        { new EnforceContext("r2", "p2", "e", "m2"), ["bob", "/data/secret"], true },
        { new EnforceContext("r2", "p2", "e", "m2"), ["alice", "/data/x"], false },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void An_enforce_context_selects_request_policy_effect_and_matcher(EnforceContext context, object?[] request, bool expected) =>
        Assert.Equal(expected, Create().Enforce(context, request));

    [Fact]
    public void WithSuffix_builds_every_key_with_the_same_suffix()
    {
        Assert.Equal(new EnforceContext("r2", "p2", "e2", "m2"), EnforceContext.WithSuffix("2"));
        Assert.Equal("r,p,e,m", EnforceContext.Default.ToString());
    }

    [Fact]
    public void A_context_naming_an_undefined_definition_cannot_be_evaluated()
    {
        var enforcer = Create();

        Assert.Throws<PolicyEvaluationException>(() => enforcer.Enforce(EnforceContext.WithSuffix("3"), "bob", "/data/x"));
        Assert.Throws<PolicyEvaluationException>(() => enforcer.Enforce(new EnforceContext("r2", "p2", "e2", "m9"), "bob", "/data/x"));
    }

    [Fact]
    public void The_request_size_is_checked_against_the_contexts_request_definition()
    {
        var enforcer = Create();

        Assert.Throws<PolicyEvaluationException>(() => enforcer.Enforce(EnforceContext.WithSuffix("2"), "bob", "/data/x", "read"));
        Assert.Throws<PolicyEvaluationException>(() => enforcer.Enforce("bob", "/data/x"));
    }

    [Fact]
    public void A_broken_second_matcher_loads_and_fails_only_when_its_context_is_used()
    {
        // Go compiles a matcher when it is first used, so only the default matcher can reject the model.
        var model = Models.TwoContexts.Replace("m2 = r2.sub == p2.sub", "m2 = r2.foo == p2.sub", StringComparison.Ordinal);
        var enforcer = Enforcer.FromText(model, Policy);

        Assert.True(enforcer.Enforce("alice", "data1", "read"));
        Assert.Throws<PolicyEvaluationException>(() => enforcer.Enforce(EnforceContext.WithSuffix("2"), "bob", "/data/x"));
    }

    [Fact]
    public void Changes_to_a_second_policy_type_affect_only_its_context()
    {
        var enforcer = Create();

        enforcer.RemoveNamedPolicy("p2", "bob", "/data/secret", "deny");

        Assert.True(enforcer.Enforce(EnforceContext.WithSuffix("2"), "bob", "/data/secret"));
        Assert.True(enforcer.Enforce("alice", "data1", "read"));
    }
}
