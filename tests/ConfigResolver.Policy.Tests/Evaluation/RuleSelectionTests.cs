using ConfigResolver.Policy.Tests.Support;

namespace ConfigResolver.Policy.Tests.Evaluation;

/// <summary>
/// Matchers and policies chosen so that a rule index could pick the wrong rule: patterns beside exact values,
/// disjunctions, negations, rule order that decides. The answers are Go casbin's, which scans every rule in order.
/// </summary>
public sealed class RuleSelectionTests
{
    private const string PriorityKeyMatch = """
        [request_definition]
        r = sub, obj, act

        [policy_definition]
        p = priority, sub, obj, act, eft

        [policy_effect]
        e = priority(p.eft) || deny

        [matchers]
        m = r.sub == p.sub && keyMatch(r.obj, p.obj) && r.act == p.act
        """;

    public static TheoryData<string, string, string[], bool, string[]> Cases() => new()
    {
        { PriorityKeyMatch, "p, 2, alice, /data/x, read, allow\np, 1, alice, /data/*, read, deny", ["alice", "/data/x", "read"], false, ["1", "alice", "/data/*", "read", "deny"] },
        { PriorityKeyMatch, "p, 1, alice, /data/x, read, allow\np, 2, alice, /data/*, read, deny", ["alice", "/data/x", "read"], true, ["1", "alice", "/data/x", "read", "allow"] },
        { PriorityKeyMatch, "p, 1, alice, /data/*, read, allow\np, 1, alice, /data/x, read, deny", ["alice", "/data/x", "read"], true, ["1", "alice", "/data/*", "read", "allow"] },
        { Models.BasicWithEffect("!some(where (p.eft == deny))").Replace("p = sub, obj, act", "p = sub, obj, act, eft", StringComparison.Ordinal).Replace("r.obj == p.obj", "keyMatch(r.obj, p.obj)", StringComparison.Ordinal),
            "p, alice, /data/x, read, allow\np, alice, /data/*, read, deny", ["alice", "/data/x", "read"], false, ["alice", "/data/*", "read", "deny"] },
        { Models.BasicWithMatcher("(r.sub == p.sub || r.sub == 'root') && r.obj == p.obj"), "p, alice, data1, read", ["root", "data1", "write"], true, ["alice", "data1", "read"] },
        { Models.BasicWithMatcher("r.sub != p.sub && r.obj == p.obj && r.act == p.act"), "p, alice, data1, read\np, bob, data1, read", ["alice", "data1", "read"], true, ["bob", "data1", "read"] },
        { Models.Basic, "p, alice, data1, read", ["Alice", "data1", "read"], false, [] },
        { Models.Basic, "p, , data1, read", ["", "data1", "read"], true, ["", "data1", "read"] },
        { Models.Basic, "p, alice , data1, read", ["alice", "data1", "read"], false, [] },
        { Models.BasicWithMatcher("r.sub == p.sub && r.obj == p.obj && r.act in ('read', 'write')"), "p, alice, data1, delete", ["alice", "data1", "write"], true, ["alice", "data1", "delete"] },
        { Models.BasicWithMatcher("p.sub == r.sub && p.obj == r.obj && p.act == r.act"), "p, bob, data2, write\np, alice, data1, read", ["alice", "data1", "read"], true, ["alice", "data1", "read"] },
        { Models.Rbac, "p, admin, data1, read\np, alice, data1, read\ng, alice, admin", ["alice", "data1", "read"], true, ["admin", "data1", "read"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_deciding_rule_is_the_one_go_casbins_ordered_scan_finds(string model, string policy, string[] request, bool allowed, string[] rule)
    {
        var enforcer = Enforcer.FromText(model, policy);

        var result = enforcer.EnforceEx(request);

        Assert.Equal(allowed, result.Allowed);
        Assert.Equal(rule, result.Explain);
        Assert.Equal(allowed, enforcer.Enforce([.. request]));
    }

    [Fact]
    public void A_number_in_the_request_never_equals_a_policy_string()
    {
        // govaluate compares with reflect.DeepEqual semantics: the float64 1 is not the string "1".
        var enforcer = Enforcer.FromText(Models.Basic, "p, alice, 1, read");

        Assert.False(enforcer.Enforce("alice", 1.0, "read"));
        Assert.True(enforcer.Enforce("alice", "1", "read"));
    }

    [Fact]
    public void Rules_added_at_run_time_are_found_in_order_with_the_rules_loaded_from_the_file()
    {
        var enforcer = Enforcer.FromText(PriorityKeyMatch, "p, 5, alice, /data/x, read, allow");

        enforcer.AddPolicy("3", "alice", "/data/*", "read", "deny");
        Assert.False(enforcer.Enforce("alice", "/data/x", "read"));

        enforcer.AddPolicy("1", "alice", "/data/x", "read", "allow");
        Assert.True(enforcer.Enforce("alice", "/data/x", "read"));

        enforcer.RemovePolicy("1", "alice", "/data/x", "read", "allow");
        Assert.False(enforcer.Enforce("alice", "/data/x", "read"));
    }
}
