using ConfigResolver.Policy.Tests.Support;

namespace ConfigResolver.Policy.Tests.Roles;

public sealed class RbacChangeTests
{
    private const string Policy = """
        p, alice, data1, read
        p, data2_admin, data2, read
        p, data2_admin, data2, write
        g, alice, data2_admin
        g, bob, data2_admin
        g, alice, auditor
        """;

    private static Enforcer Create() => Enforcer.FromText(Models.Rbac, Policy);

    [Fact]
    public void AddRoleForUser_grants_the_roles_permissions_and_reports_whether_it_changed_anything()
    {
        var enforcer = Create();

        Assert.True(enforcer.AddRoleForUser("carol", "data2_admin"));
        Assert.False(enforcer.AddRoleForUser("carol", "data2_admin"));

        Assert.True(enforcer.Enforce("carol", "data2", "write"));
        Assert.Equal(2, enforcer.Revision);
    }

    [Fact]
    public void DeleteRoleForUser_takes_one_role_away()
    {
        var enforcer = Create();

        Assert.True(enforcer.DeleteRoleForUser("alice", "data2_admin"));
        Assert.False(enforcer.DeleteRoleForUser("alice", "data2_admin"));

        Assert.Equal(["auditor"], enforcer.GetRolesForUser("alice"));
        Assert.False(enforcer.Enforce("alice", "data2", "read"));
        Assert.True(enforcer.Enforce("bob", "data2", "read"));
    }

    [Fact]
    public void DeleteRolesForUser_takes_every_role_away_and_keeps_the_users_rules()
    {
        var enforcer = Create();

        Assert.True(enforcer.DeleteRolesForUser("alice"));
        Assert.False(enforcer.DeleteRolesForUser("alice"));

        Assert.Empty(enforcer.GetRolesForUser("alice"));
        Assert.True(enforcer.Enforce("alice", "data1", "read"));
    }

    [Fact]
    public void DeleteUser_removes_the_users_links_and_rules()
    {
        var enforcer = Create();

        Assert.True(enforcer.DeleteUser("alice"));
        Assert.False(enforcer.DeleteUser("alice"));

        Assert.Equal([["bob", "data2_admin"]], enforcer.GetGroupingPolicy());
        Assert.Equal([["data2_admin", "data2", "read"], ["data2_admin", "data2", "write"]], enforcer.GetPolicy());
    }

    [Fact]
    public void DeleteRole_removes_the_links_that_grant_it_and_its_rules()
    {
        var enforcer = Create();

        Assert.True(enforcer.DeleteRole("data2_admin"));
        Assert.False(enforcer.DeleteRole("data2_admin"));

        Assert.Equal([["alice", "auditor"]], enforcer.GetGroupingPolicy());
        Assert.Equal([["alice", "data1", "read"]], enforcer.GetPolicy());
        Assert.False(enforcer.Enforce("bob", "data2", "read"));
    }

    [Fact]
    public void Deleting_what_does_not_exist_publishes_nothing()
    {
        var enforcer = Create();

        Assert.False(enforcer.DeleteUser("nobody"));
        Assert.False(enforcer.DeleteRole("nothing"));
        Assert.False(enforcer.DeleteRoleForUser("alice", "nothing"));

        Assert.Equal(1, enforcer.Revision);
    }
}
