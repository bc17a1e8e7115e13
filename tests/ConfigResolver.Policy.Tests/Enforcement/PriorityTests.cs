using ConfigResolver.Policy.Tests.Support;

namespace ConfigResolver.Policy.Tests.Enforcement;

public sealed class PriorityTests
{
    private const string Policy = """
        p, 10, data1_deny_group, data1, read, deny
        p, 1, alice, data1, write, allow
        p, 10, alice, data1, read, allow
        p, 2, data2_allow_group, data2, read, allow
        g, alice, data1_deny_group
        g, bob, data2_allow_group
        """;

    private static Enforcer Create() => Enforcer.FromText(Models.Priority, Policy);

    [Fact]
    public void Load_sorts_rules_by_priority_keeping_file_order_for_ties()
    {
        var priorities = Create().GetPolicy().Select(static r => $"{r[0]}:{r[1]}");

        Assert.Equal<string>(["1:alice", "2:data2_allow_group", "10:data1_deny_group", "10:alice"], priorities);
    }

    [Theory]
    [InlineData("alice", "data1", "read", false, new[] { "10", "data1_deny_group", "data1", "read", "deny" })]
    [InlineData("alice", "data1", "write", true, new[] { "1", "alice", "data1", "write", "allow" })]
    [InlineData("bob", "data2", "read", true, new[] { "2", "data2_allow_group", "data2", "read", "allow" })]
    [InlineData("bob", "data1", "read", false, new string[0])]
    public void The_first_matching_rule_in_priority_order_decides(string sub, string obj, string act, bool allowed, string[] rule)
    {
        var result = Create().EnforceEx(sub, obj, act);

        Assert.Equal(allowed, result.Allowed);
        Assert.Equal(rule, result.Explain);
    }

    public static TheoryData<string, string[]> Insertions() => new()
    {
        { "5", ["1:alice", "2:data2_allow_group", "5:new", "10:data1_deny_group", "10:alice"] },
        { "10", ["1:alice", "2:data2_allow_group", "10:data1_deny_group", "10:alice", "10:new"] },
        { "0", ["0:new", "1:alice", "2:data2_allow_group", "10:data1_deny_group", "10:alice"] },
        { "99", ["1:alice", "2:data2_allow_group", "10:data1_deny_group", "10:alice", "99:new"] },
    };

    [Theory]
    [MemberData(nameof(Insertions))]
    public void AddPolicy_inserts_after_every_rule_whose_priority_is_not_greater(string priority, string[] expected)
    {
        var enforcer = Create();

        Assert.True(enforcer.AddPolicy(priority, "new", "data9", "read", "allow"));

        Assert.Equal(expected, enforcer.GetPolicy().Select(static r => $"{r[0]}:{r[1]}"));
    }

    [Fact]
    public void An_added_rule_with_a_lower_priority_overrides_the_rule_that_decided_before()
    {
        var enforcer = Create();
        Assert.False(enforcer.Enforce("alice", "data1", "read"));

        enforcer.AddPolicy("5", "alice", "data1", "read", "allow");

        var result = enforcer.EnforceEx("alice", "data1", "read");
        Assert.True(result.Allowed);
        Assert.Equal<string>(["5", "alice", "data1", "read", "allow"], result.Explain);
    }

    [Fact]
    public void A_rule_whose_eft_is_neither_allow_nor_deny_is_skipped()
    {
        var enforcer = Enforcer.FromText(Models.Priority, "p, 1, alice, data1, read, maybe\np, 2, alice, data1, read, allow");

        Assert.Equal<string>(["2", "alice", "data1", "read", "allow"], enforcer.EnforceEx("alice", "data1", "read").Explain);
    }
}
