using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Policy.Tests.Support;

namespace ConfigResolver.Policy.Tests.Roles;

public sealed class RoleCycleTests
{
    [Fact]
    public void Enforcer_refuses_a_role_cycle_without_domains_and_names_it()
    {
        const string Policy = "p, admin, data, read\ng, alice, admin\ng, admin, super\ng, super, alice";

        var diagnostic = Diagnose.Single(() => Enforcer.FromText(Models.Rbac, Policy));

        Assert.Equal((PolicyDiagnosticCodes.RoleCycle, "policy.csv", 4, 1), (diagnostic.Code, diagnostic.File, diagnostic.Line, diagnostic.Column));
        Assert.Contains("alice -> admin -> super -> alice", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Enforcer_refuses_a_cycle_in_every_role_type_and_reports_each()
    {
        const string Policy = "p, admin, data, read\ng2, x, y\ng2, y, x\ng, a, b\ng, b, a";

        var diagnostics = Diagnose.All(() => Enforcer.FromText(Models.TwoRoleTypes, Policy));

        Assert.Equal([(PolicyDiagnosticCodes.RoleCycle, 3), (PolicyDiagnosticCodes.RoleCycle, 5)], diagnostics.Select(static d => (d.Code, d.Line)));
        Assert.Contains("'g2'", diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Contains("'g'", diagnostics[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Enforcer_tolerates_a_role_cycle_with_domains_as_go_casbin_does()
    {
        const string Policy = "p, admin, d1, data, read\ng, alice, admin, d1\ng, admin, alice, d1";

        var enforcer = Enforcer.FromText(Models.RbacWithDomains, Policy);

        Assert.True(enforcer.Enforce("alice", "d1", "data", "read"));
        Assert.False(enforcer.Enforce("bob", "d1", "data", "read"));
        Assert.False(enforcer.Enforce("alice", "d2", "data", "read"));
    }

    [Fact]
    public void A_link_that_closes_a_cycle_is_rejected_and_the_previous_policy_stays_in_force()
    {
        var enforcer = Enforcer.FromText(Models.Rbac, "p, super, data, read\ng, alice, admin\ng, admin, super");

        var diagnostic = Diagnose.Single(() => enforcer.AddGroupingPolicy("super", "alice"));

        Assert.Equal(PolicyDiagnosticCodes.RoleCycle, diagnostic.Code);
        Assert.Contains("super -> alice", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(1, enforcer.Revision);
        Assert.False(enforcer.HasGroupingPolicy("super", "alice"));
        Assert.Empty(enforcer.GetRolesForUser("super"));
        Assert.True(enforcer.Enforce("alice", "data", "read"));
    }

    [Fact]
    public void A_batch_of_links_with_a_cycle_adds_none_of_them()
    {
        var enforcer = Enforcer.FromText(Models.Rbac, "p, super, data, read\ng, alice, admin");

        Diagnose.Single(() => enforcer.AddGroupingPolicies([["bob", "admin"], ["admin", "super"], ["super", "admin"]]));

        Assert.Equal([["alice", "admin"]], enforcer.GetGroupingPolicy());
        Assert.Equal(1, enforcer.Revision);
        Assert.False(enforcer.Enforce("bob", "data", "read"));
    }

    [Fact]
    public void An_update_that_closes_a_cycle_is_rejected()
    {
        var enforcer = Enforcer.FromText(Models.Rbac, "p, super, data, read\ng, alice, admin\ng, admin, super\ng, bob, carol");

        Diagnose.Single(() => enforcer.UpdateGroupingPolicy(["bob", "carol"], ["super", "alice"]));

        Assert.True(enforcer.HasGroupingPolicy("bob", "carol"));
        Assert.Equal(1, enforcer.Revision);
    }

    [Fact]
    public void A_link_that_closes_a_cycle_with_domains_is_accepted()
    {
        var enforcer = Enforcer.FromText(Models.RbacWithDomains, "p, admin, d1, data, read\ng, alice, admin, d1");

        Assert.True(enforcer.AddGroupingPolicy("admin", "alice", "d1"));

        Assert.Equal(2, enforcer.Revision);
        Assert.True(enforcer.Enforce("alice", "d1", "data", "read"));
    }

    [Fact]
    public void A_cycle_through_an_explicitly_removed_link_is_accepted_again()
    {
        var enforcer = Enforcer.FromText(Models.Rbac, "p, super, data, read\ng, alice, admin\ng, admin, super");
        Assert.True(enforcer.RemoveGroupingPolicy("alice", "admin"));

        Assert.True(enforcer.AddGroupingPolicy("super", "alice"));

        Assert.Equal(["alice"], enforcer.GetRolesForUser("super"));
    }
}
