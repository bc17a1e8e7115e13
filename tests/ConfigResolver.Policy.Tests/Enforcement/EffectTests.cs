using ConfigResolver.Policy.Tests.Support;

namespace ConfigResolver.Policy.Tests.Enforcement;

public sealed class EffectTests
{
    private const string Model = """
        [request_definition]
        r = sub, obj, act

        [policy_definition]
        p = sub, obj, act, eft

        [policy_effect]
        e = EFFECT

        [matchers]
        m = r.sub == p.sub && keyMatch(r.obj, p.obj) && r.act == p.act
        """;

    private const string Policy = """
        p, alice, /data/*, read, allow
        p, alice, /data/secret, read, deny
        p, bob, /data/secret, read, deny
        p, carol, /data/x, read, allow
        p, carol, /data/x, read, allow2
        """;

    private const string AllowOverride = "some(where (p.eft == allow))";
    private const string DenyOverride = "!some(where (p.eft == deny))";
    private const string AllowAndDeny = "some(where (p.eft == allow)) && !some(where (p.eft == deny))";
    private const string Priority = "priority(p.eft) || deny";

    public static TheoryData<string, string, string, bool, string[]> Decisions() => new()
    {
        { AllowOverride, "alice", "/data/secret", true, ["alice", "/data/*", "read", "allow"] },
        { AllowOverride, "bob", "/data/secret", false, [] },
        { AllowOverride, "dave", "/data/x", false, [] },
        { DenyOverride, "alice", "/data/secret", false, ["alice", "/data/secret", "read", "deny"] },
        { DenyOverride, "alice", "/data/public", true, [] },
        { DenyOverride, "dave", "/data/x", true, [] },
        { AllowAndDeny, "alice", "/data/secret", false, ["alice", "/data/secret", "read", "deny"] },
        { AllowAndDeny, "alice", "/data/public", true, ["alice", "/data/*", "read", "allow"] },
        { AllowAndDeny, "bob", "/data/secret", false, ["bob", "/data/secret", "read", "deny"] },
        { AllowAndDeny, "dave", "/data/x", false, [] },
        { Priority, "alice", "/data/secret", true, ["alice", "/data/*", "read", "allow"] },
        { Priority, "bob", "/data/secret", false, ["bob", "/data/secret", "read", "deny"] },
        { Priority, "carol", "/data/x", true, ["carol", "/data/x", "read", "allow"] },
        { Priority, "dave", "/data/x", false, [] },
    };

    [Theory]
    [MemberData(nameof(Decisions))]
    public void Each_effect_decides_and_explains_as_go_casbin_does(string effect, string sub, string obj, bool allowed, string[] explain)
    {
        var enforcer = Enforcer.FromText(Model.Replace("EFFECT", effect, StringComparison.Ordinal), Policy);

        var result = enforcer.EnforceEx(sub, obj, "read");

        Assert.Equal(allowed, result.Allowed);
        Assert.Equal(explain, result.Explain);
        Assert.Equal(allowed, enforcer.Enforce(sub, obj, "read"));
    }

    [Theory]
    [InlineData(AllowOverride, false)]
    [InlineData(DenyOverride, true)]
    [InlineData(AllowAndDeny, false)]
    [InlineData(Priority, false)]
    public void Without_rules_the_matcher_runs_once_with_empty_policy_fields(string effect, bool allowed)
    {
        var enforcer = Enforcer.FromText(Model.Replace("EFFECT", effect, StringComparison.Ordinal));

        Assert.Equal(allowed, enforcer.Enforce("alice", "/data/x", "read"));
    }

    [Fact]
    public void A_rule_with_an_unknown_eft_is_indeterminate_under_every_effect()
    {
        var enforcer = Enforcer.FromText(Model.Replace("EFFECT", AllowOverride, StringComparison.Ordinal), "p, erin, /data/x, read, allow2");

        Assert.False(enforcer.Enforce("erin", "/data/x", "read"));
    }

    [Fact]
    public void A_policy_without_an_eft_column_allows()
    {
        var enforcer = Enforcer.FromText(Models.Basic, "p, alice, data1, read");

        Assert.Equal<string>(["alice", "data1", "read"], enforcer.EnforceEx("alice", "data1", "read").Explain);
    }

    [Fact]
    public void Subject_priority_lets_the_rule_of_the_deeper_subject_decide()
    {
        var model = Models.Priority
            .Replace("p = priority, sub, obj, act, eft", "p = sub, obj, act, eft", StringComparison.Ordinal)
            .Replace("priority(p.eft) || deny", "subjectPriority(p.eft) || deny", StringComparison.Ordinal);
        const string Policy = "p, root, data1, read, deny\np, admin, data1, read, allow\ng, admin, root\ng, alice, admin";

        var enforcer = Enforcer.FromText(model, Policy);

        Assert.Equal<string>(["admin", "data1", "read", "allow"], enforcer.EnforceEx("alice", "data1", "read").Explain);
        Assert.False(enforcer.Enforce("bob", "data1", "read"));
    }
}
