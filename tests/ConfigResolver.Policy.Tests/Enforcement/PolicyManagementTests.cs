using ConfigResolver.Policy.Tests.Support;

namespace ConfigResolver.Policy.Tests.Enforcement;

public sealed class PolicyManagementTests
{
    private const string Policy = """
        p, alice, data1, read
        p, bob, data2, write
        p, alice, data2, read
        p, carol, data1, write
        """;

    private static Enforcer Create() => Enforcer.FromText(Models.Basic, Policy);

    [Fact]
    public void GetPolicy_returns_the_rules_in_file_order()
    {
        Expect.Rules("policy", [["alice", "data1", "read"], ["bob", "data2", "write"], ["alice", "data2", "read"], ["carol", "data1", "write"]], Create().GetPolicy());
    }

    [Fact]
    public void AddPolicy_adds_a_rule_once_and_publishes_a_new_revision()
    {
        var enforcer = Create();

        Assert.True(enforcer.AddPolicy("dave", "data3", "read"));
        Assert.False(enforcer.AddPolicy("dave", "data3", "read"));

        Assert.True(enforcer.HasPolicy("dave", "data3", "read"));
        Assert.True(enforcer.Enforce("dave", "data3", "read"));
        Assert.Equal(["dave", "data3", "read"], enforcer.GetPolicy()[^1]);
        Assert.Equal(2, enforcer.Revision);
    }

    [Fact]
    public void AddPolicies_adds_nothing_when_one_rule_already_exists()
    {
        var enforcer = Create();

        Assert.False(enforcer.AddPolicies([["dave", "data3", "read"], ["alice", "data1", "read"]]));

        Assert.False(enforcer.HasPolicy("dave", "data3", "read"));
        Assert.Equal(4, enforcer.GetPolicy().Count);
        Assert.Equal(1, enforcer.Revision);
    }

    [Fact]
    public void AddPolicies_adds_every_rule_in_one_revision()
    {
        var enforcer = Create();

        Assert.True(enforcer.AddPolicies([["dave", "data3", "read"], ["erin", "data3", "write"]]));

        Assert.True(enforcer.Enforce("dave", "data3", "read"));
        Assert.True(enforcer.Enforce("erin", "data3", "write"));
        Assert.Equal(2, enforcer.Revision);
    }

    [Fact]
    public void RemovePolicy_removes_an_existing_rule_only()
    {
        var enforcer = Create();

        Assert.True(enforcer.RemovePolicy("alice", "data1", "read"));
        Assert.False(enforcer.RemovePolicy("alice", "data1", "read"));

        Assert.False(enforcer.Enforce("alice", "data1", "read"));
        Assert.Equal(2, enforcer.Revision);
    }

    [Fact]
    public void RemovePolicies_removes_the_rules_that_exist_in_one_revision()
    {
        var enforcer = Create();

        Assert.True(enforcer.RemovePolicies([["alice", "data1", "read"], ["bob", "data2", "write"], ["nobody", "x", "y"]]));

        Expect.Rules("left", [["alice", "data2", "read"], ["carol", "data1", "write"]], enforcer.GetPolicy());
        Assert.Equal(2, enforcer.Revision);
    }

    public static TheoryData<int, string[], string[][]> Filters() => new()
    {
        { 0, ["alice"], [["alice", "data1", "read"], ["alice", "data2", "read"]] },
        { 1, ["data1"], [["alice", "data1", "read"], ["carol", "data1", "write"]] },
        { 0, ["alice", "", "read"], [["alice", "data1", "read"], ["alice", "data2", "read"]] },
        { 1, ["data2", "read"], [["alice", "data2", "read"]] },
        { 2, ["write"], [["bob", "data2", "write"], ["carol", "data1", "write"]] },
        { 0, ["nobody"], [] },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public void GetFilteredPolicy_matches_fields_from_an_index_with_empty_values_as_wildcards(int index, string[] values, string[][] expected) =>
        Expect.Rules($"{index}: {string.Join(",", values)}", expected, Create().GetFilteredPolicy(index, values));

    [Theory]
    [MemberData(nameof(Filters))]
    public void RemoveFilteredPolicy_removes_exactly_the_rules_the_filter_matches(int index, string[] values, string[][] removed)
    {
        var enforcer = Create();
        var expected = enforcer.GetPolicy().Where(r => !removed.Any(x => x.SequenceEqual(r))).ToList();

        Assert.Equal(removed.Length > 0, enforcer.RemoveFilteredPolicy(index, values));

        Expect.Rules($"{index}: {string.Join(",", values)}", expected, enforcer.GetPolicy());
    }

    [Fact]
    public void RemoveFilteredPolicy_without_field_values_is_refused_and_removes_nothing()
    {
        // Go casbin: removeFilteredPolicy returns ErrInvalidFieldValuesParameter ("fieldValues requires at least one parameter").
        var enforcer = Create();

        Assert.ThrowsAny<ArgumentException>(() => enforcer.RemoveFilteredPolicy(0));

        Assert.Equal(4, enforcer.GetPolicy().Count);
        Assert.Equal(1, enforcer.Revision);
    }

    [Fact]
    public void UpdatePolicy_replaces_a_rule_in_place()
    {
        var enforcer = Create();

        Assert.True(enforcer.UpdatePolicy(["bob", "data2", "write"], ["bob", "data3", "write"]));

        Assert.Equal(["bob", "data3", "write"], enforcer.GetPolicy()[1]);
        Assert.False(enforcer.Enforce("bob", "data2", "write"));
        Assert.True(enforcer.Enforce("bob", "data3", "write"));
    }

    [Fact]
    public void UpdatePolicy_of_a_missing_rule_changes_nothing()
    {
        var enforcer = Create();

        Assert.False(enforcer.UpdatePolicy(["nobody", "data2", "write"], ["bob", "data3", "write"]));

        Assert.Equal(1, enforcer.Revision);
    }

    [Fact]
    public void Named_variants_change_the_named_policy_type_only()
    {
        var enforcer = Enforcer.FromText(Models.TwoContexts, "p, alice, data1, read\np2, bob, /data/*, allow");

        Assert.True(enforcer.AddNamedPolicy("p2", "carol", "/files/*", "allow"));
        Assert.True(enforcer.RemoveNamedPolicy("p2", "bob", "/data/*", "allow"));

        Expect.Rules("p2", [["carol", "/files/*", "allow"]], enforcer.GetNamedPolicy("p2"));
        Expect.Rules("p", [["alice", "data1", "read"]], enforcer.GetPolicy());
        Assert.True(enforcer.HasNamedPolicy("p2", "carol", "/files/*", "allow"));
        Assert.True(enforcer.Enforce(EnforceContext.WithSuffix("2"), "carol", "/files/a"));
    }

    [Fact]
    public void Returned_rules_are_copies_that_do_not_change_with_later_writes()
    {
        var enforcer = Create();
        var before = enforcer.GetPolicy();

        enforcer.RemoveFilteredPolicy(0, "alice");

        Assert.Equal(4, before.Count);
        Assert.Equal(2, enforcer.GetPolicy().Count);
    }
}
