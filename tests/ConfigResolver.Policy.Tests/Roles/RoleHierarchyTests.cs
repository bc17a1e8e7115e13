using ConfigResolver.Policy.Functions;
using ConfigResolver.Policy.Tests.Support;

namespace ConfigResolver.Policy.Tests.Roles;

public sealed class RoleHierarchyTests
{
    // user -> r1 -> r2 -> ... -> r11, and every role may read its own object.
    private static Enforcer Chain()
    {
        var links = Enumerable.Range(1, 11).Select(static i => $"g, {(i == 1 ? "user" : $"r{i - 1}")}, r{i}");
        var rules = Enumerable.Range(1, 11).Select(static i => $"p, r{i}, data{i}, read");
        return Enforcer.FromText(Models.Rbac, string.Join('\n', rules.Concat(links)));
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(5, true)]
    [InlineData(10, true)]
    [InlineData(11, false)]
    public void A_role_is_found_through_at_most_ten_links(int depth, bool expected) =>
        Assert.Equal(expected, Chain().Enforce("user", $"data{depth}", "read"));

    [Fact]
    public void The_depth_limit_holds_for_links_added_and_removed_at_run_time()
    {
        var enforcer = Chain();
        Assert.True(enforcer.AddGroupingPolicy("newcomer", "user"));
        Assert.True(enforcer.AddPolicy("r12", "data12", "read"));
        Assert.True(enforcer.AddGroupingPolicy("r11", "r12"));

        Assert.True(enforcer.Enforce("newcomer", "data9", "read"));
        Assert.False(enforcer.Enforce("newcomer", "data10", "read"));
        Assert.True(enforcer.Enforce("r2", "data12", "read"));
        Assert.False(enforcer.Enforce("r1", "data12", "read"));

        Assert.True(enforcer.RemoveGroupingPolicy("newcomer", "user"));
        Assert.False(enforcer.Enforce("newcomer", "data1", "read"));
    }

    [Fact]
    public void Implicit_roles_stop_at_the_same_depth()
    {
        var roles = Chain().GetImplicitRolesForUser("user");

        Assert.Equal([.. Enumerable.Range(1, 10).Select(static i => $"r{i}")], roles);
    }

    [Fact]
    public void A_name_has_itself_as_a_role_even_when_no_link_names_it() =>
        Assert.True(Enforcer.FromText(Models.Rbac, "p, nobody, data, read").Enforce("nobody", "data", "read"));

    [Fact]
    public void A_named_matching_function_lets_role_links_hold_patterns()
    {
        var enforcer = Enforcer.FromText(Models.Rbac, "p, member, data, read\ng, /users/*, member");
        Assert.False(enforcer.Enforce("/users/alice", "data", "read"));

        Assert.True(enforcer.AddNamedMatchingFunc("g", BuiltInFunctions.KeyMatch));

        Assert.True(enforcer.Enforce("/users/alice", "data", "read"));
        Assert.False(enforcer.Enforce("/groups/alice", "data", "read"));
        Assert.Equal(2, enforcer.Revision);
    }

    [Fact]
    public void A_named_matching_function_treats_the_policy_side_name_as_a_pattern()
    {
        // Go: g(a, b) holds when fn(a, b), even if no link stores the pattern b (role-pattern-policy-side).
        var enforcer = Enforcer.FromText(Models.Rbac, "p, /book/:id, data, read");
        enforcer.AddNamedMatchingFunc("g", BuiltInFunctions.KeyMatch2);

        Assert.True(enforcer.Enforce("/book/1", "data", "read"));
        Assert.False(enforcer.Enforce("/pen/1", "data", "read"));
    }

    [Fact]
    public void Pattern_links_added_after_the_matching_function_apply_at_once()
    {
        var enforcer = Enforcer.FromText(Models.Rbac, "p, member, data, read");
        enforcer.AddNamedMatchingFunc("g", BuiltInFunctions.KeyMatch);

        Assert.True(enforcer.AddGroupingPolicy("/users/*", "member"));
        Assert.True(enforcer.Enforce("/users/bob", "data", "read"));

        Assert.True(enforcer.RemoveGroupingPolicy("/users/*", "member"));
        Assert.False(enforcer.Enforce("/users/bob", "data", "read"));
    }

    [Fact]
    public void A_named_domain_matching_function_lets_links_hold_domain_patterns()
    {
        var enforcer = Enforcer.FromText(Models.RbacWithDomains, "p, admin, domain1, data, read\ng, alice, admin, *");
        Assert.False(enforcer.Enforce("alice", "domain1", "data", "read"));

        Assert.True(enforcer.AddNamedDomainMatchingFunc("g", BuiltInFunctions.KeyMatch));

        Assert.True(enforcer.Enforce("alice", "domain1", "data", "read"));
        Assert.Equal(["admin"], enforcer.GetRolesForUserInDomain("alice", "domain7"));
    }

    [Fact]
    public void Keymatch_on_the_domain_in_the_matcher_switches_domain_matching_on_by_itself()
    {
        var model = Models.RbacWithDomains.Replace("r.dom == p.dom", "keyMatch(r.dom, p.dom)", StringComparison.Ordinal);

        var enforcer = Enforcer.FromText(model, "p, admin, domain1, data, read\ng, alice, admin, *");

        Assert.True(enforcer.Enforce("alice", "domain1", "data", "read"));
    }

    [Fact]
    public void Matching_functions_for_an_unknown_role_type_are_refused()
    {
        var enforcer = Enforcer.FromText(Models.Rbac, "p, alice, data, read");

        Assert.False(enforcer.AddNamedMatchingFunc("g2", BuiltInFunctions.KeyMatch));
        Assert.False(enforcer.AddNamedDomainMatchingFunc("g9", BuiltInFunctions.KeyMatch));
        Assert.Equal(1, enforcer.Revision);
    }
}
