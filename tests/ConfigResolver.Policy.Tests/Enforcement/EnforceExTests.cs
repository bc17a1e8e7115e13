using ConfigResolver.Policy.Tests.Support;

namespace ConfigResolver.Policy.Tests.Enforcement;

public sealed class EnforceExTests
{
    [Fact]
    public void EnforceEx_returns_the_deciding_rule_and_the_revision_that_answered()
    {
        var enforcer = Enforcer.FromText(Models.Rbac, "p, admin, data1, read\ng, alice, admin");

        var first = enforcer.EnforceEx("alice", "data1", "read");
        enforcer.AddPolicy("alice", "data2", "read");
        enforcer.AddPolicy("bob", "data2", "read");
        var second = enforcer.EnforceEx("alice", "data2", "read");

        Assert.Equal((true, 1L), (first.Allowed, first.Revision));
        Assert.Equal<string>(["admin", "data1", "read"], first.Explain);
        Assert.Equal((true, 3L), (second.Allowed, second.Revision));
        Assert.Equal<string>(["alice", "data2", "read"], second.Explain);
    }

    [Fact]
    public void EnforceEx_explains_a_denial_without_a_rule_with_an_empty_list()
    {
        var result = Enforcer.FromText(Models.Basic, "p, alice, data1, read").EnforceEx("bob", "data1", "read");

        Assert.False(result.Allowed);
        Assert.Empty(result.Explain);
        Assert.Equal(1, result.Revision);
    }

    [Fact]
    public void EnforceEx_with_an_enforce_context_explains_with_that_contexts_rule()
    {
        var enforcer = Enforcer.FromText(Models.TwoContexts, "p, alice, data1, read\np2, bob, /data/*, deny");

        var result = enforcer.EnforceEx(EnforceContext.WithSuffix("2"), "bob", "/data/x");

        Assert.False(result.Allowed);
        Assert.Equal<string>(["bob", "/data/*", "deny"], result.Explain);
    }

    [Fact]
    public void Disabled_enforcement_allows_everything_without_an_explanation()
    {
        var enforcer = Enforcer.FromText(Models.Basic, "p, alice, data1, read");

        enforcer.EnableEnforce(false);

        Assert.True(enforcer.Enforce("bob", "data9", "write"));
        Assert.Equal([true, true], enforcer.BatchEnforce([["bob", "x", "y"], ["carol", "x", "y"]]));
        var result = enforcer.EnforceEx("bob", "data9", "write");
        Assert.True(result.Allowed);
        Assert.Empty(result.Explain);

        enforcer.EnableEnforce(true);
        Assert.False(enforcer.Enforce("bob", "data9", "write"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Cached_and_uncached_decisions_follow_every_change(bool cache)
    {
        var enforcer = Enforcer.FromText(Models.Basic, "p, alice, data1, read", new EnforcerOptions { EnableCache = cache });
        Assert.False(enforcer.Enforce("bob", "data1", "read"));

        enforcer.AddPolicy("bob", "data1", "read");
        Assert.True(enforcer.Enforce("bob", "data1", "read"));

        enforcer.RemovePolicy("bob", "data1", "read");
        Assert.False(enforcer.Enforce("bob", "data1", "read"));
    }

    [Fact]
    public void BatchEnforce_answers_every_request_in_order()
    {
        var enforcer = Enforcer.FromText(Models.Basic, "p, alice, data1, read\np, bob, data2, write");

        var answers = enforcer.BatchEnforce([["alice", "data1", "read"], ["alice", "data2", "write"], ["bob", "data2", "write"]]);

        Assert.Equal([true, false, true], answers);
    }
}
