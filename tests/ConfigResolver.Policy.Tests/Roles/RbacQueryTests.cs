using ConfigResolver.Policy.Tests.Support;

namespace ConfigResolver.Policy.Tests.Roles;

public sealed class RbacQueryTests
{
    private const string Policy = """
        p, alice, data1, read
        p, bob, data2, write
        p, data2_admin, data2, read
        p, data2_admin, data2, write
        p, super, data3, read
        g, alice, data2_admin
        g, data2_admin, super
        g, carol, super
        """;

    private static Enforcer Create() => Enforcer.FromText(Models.Rbac, Policy);

    public static TheoryData<string, Func<Enforcer, IEnumerable<string>>, string[]> NameQueries() => new()
    {
        { "roles of alice", static e => e.GetRolesForUser("alice"), ["data2_admin"] },
        { "roles of a role", static e => e.GetRolesForUser("data2_admin"), ["super"] },
        { "roles of bob", static e => e.GetRolesForUser("bob"), [] },
        { "users of data2_admin", static e => e.GetUsersForRole("data2_admin"), ["alice"] },
        { "users of super", static e => e.GetUsersForRole("super").Order(StringComparer.Ordinal), ["carol", "data2_admin"] },
        { "implicit roles of alice", static e => e.GetImplicitRolesForUser("alice"), ["data2_admin", "super"] },
        { "implicit roles of bob", static e => e.GetImplicitRolesForUser("bob"), [] },
        { "users for data2 read", static e => e.GetImplicitUsersForPermission("data2", "read"), ["alice"] },
        { "users for data3 read", static e => e.GetImplicitUsersForPermission("data3", "read").Order(StringComparer.Ordinal), ["alice", "carol"] },
        { "all subjects", static e => e.GetAllSubjects(), ["alice", "bob", "data2_admin", "super"] },
        { "all objects", static e => e.GetAllObjects(), ["data1", "data2", "data3"] },
        { "all actions", static e => e.GetAllActions(), ["read", "write"] },
        { "all roles", static e => e.GetAllRoles(), ["data2_admin", "super"] },
    };

    [Theory]
    [MemberData(nameof(NameQueries))]
    public void Rbac_query_returns_what_go_casbin_returns(string query, Func<Enforcer, IEnumerable<string>> run, string[] expected) =>
        Expect.Sequence(query, expected, run(Create()));

    public static TheoryData<string, Func<Enforcer, IEnumerable<IEnumerable<string>>>, string[][]> RuleQueries() => new()
    {
        { "permissions of alice", static e => e.GetPermissionsForUser("alice"), [["alice", "data1", "read"]] },
        { "permissions of a role", static e => e.GetPermissionsForUser("data2_admin"), [["data2_admin", "data2", "read"], ["data2_admin", "data2", "write"]] },
        { "permissions of carol", static e => e.GetPermissionsForUser("carol"), [] },
        {
            "implicit permissions of alice", static e => e.GetImplicitPermissionsForUser("alice"),
            [["alice", "data1", "read"], ["data2_admin", "data2", "read"], ["data2_admin", "data2", "write"], ["super", "data3", "read"]]
        },
        { "implicit permissions of carol", static e => e.GetImplicitPermissionsForUser("carol"), [["super", "data3", "read"]] },
    };

    [Theory]
    [MemberData(nameof(RuleQueries))]
    public void Permission_query_returns_the_rules_in_policy_order(string query, Func<Enforcer, IEnumerable<IEnumerable<string>>> run, string[][] expected) =>
        Expect.Rules(query, expected, run(Create()));

    [Theory]
    [InlineData("alice", "data2_admin", true)]
    [InlineData("alice", "super", false)]
    [InlineData("bob", "data2_admin", false)]
    public void HasRoleForUser_checks_direct_roles_only(string user, string role, bool expected) =>
        Assert.Equal(expected, Create().HasRoleForUser(user, role));

    [Theory]
    [InlineData("alice", new[] { "data1", "read" }, true)]
    [InlineData("alice", new[] { "data2", "read" }, false)]
    [InlineData("data2_admin", new[] { "data2", "write" }, true)]
    public void HasPermissionForUser_checks_the_users_own_rules(string user, string[] permission, bool expected) =>
        Assert.Equal(expected, Create().HasPermissionForUser(user, permission));

    [Fact]
    public void Queries_of_a_model_without_roles_throw_invalid_operation()
    {
        var enforcer = Enforcer.FromText(Models.Basic, "p, alice, data1, read");

        Assert.Throws<InvalidOperationException>(() => enforcer.GetRolesForUser("alice"));
    }
}
