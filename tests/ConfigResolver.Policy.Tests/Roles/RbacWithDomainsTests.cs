using ConfigResolver.Policy.Functions;
using ConfigResolver.Policy.Tests.Support;

namespace ConfigResolver.Policy.Tests.Roles;

public sealed class RbacWithDomainsTests
{
    private const string Policy = """
        p, admin, domain1, data1, read
        p, admin, domain1, data1, write
        p, admin, domain2, data2, read
        g, alice, admin, domain1
        g, bob, admin, domain2
        g, carol, admin, domain1
        g, carol, reader, domain2
        """;

    private static Enforcer Create() => Enforcer.FromText(Models.RbacWithDomains, Policy);

    public static TheoryData<string, Func<Enforcer, IEnumerable<string>>, string[]> DomainQueries() => new()
    {
        { "alice in domain1", static e => e.GetRolesForUserInDomain("alice", "domain1"), ["admin"] },
        { "alice in domain2", static e => e.GetRolesForUserInDomain("alice", "domain2"), [] },
        { "carol in domain2", static e => e.GetRolesForUser("carol", "domain2"), ["reader"] },
        { "admins of domain1", static e => e.GetUsersForRoleInDomain("admin", "domain1").Order(StringComparer.Ordinal), ["alice", "carol"] },
        { "admins of domain2", static e => e.GetUsersForRole("admin", "domain2"), ["bob"] },
        { "implicit roles of carol in domain1", static e => e.GetImplicitRolesForUser("carol", "domain1"), ["admin"] },
        { "all domains", static e => e.GetAllDomains(), ["domain1", "domain2"] },
    };

    [Theory]
    [MemberData(nameof(DomainQueries))]
    public void Domain_query_only_sees_the_links_of_that_domain(string query, Func<Enforcer, IEnumerable<string>> run, string[] expected) =>
        Expect.Sequence(query, expected, run(Create()));

    [Fact]
    public void Permissions_of_a_role_are_filtered_by_the_domain_column()
    {
        var enforcer = Create();

        Expect.Rules("admin in domain1", [["admin", "domain1", "data1", "read"], ["admin", "domain1", "data1", "write"]], enforcer.GetPermissionsForUser("admin", "domain1"));
        Expect.Rules("alice in domain2", [], enforcer.GetImplicitPermissionsForUser("alice", "domain2"));
        Expect.Rules("bob in domain2", [["admin", "domain2", "data2", "read"]], enforcer.GetImplicitPermissionsForUser("bob", "domain2"));
    }

    [Theory]
    [InlineData("alice", "domain1", "data1", "write", true)]
    [InlineData("alice", "domain2", "data2", "read", false)]
    [InlineData("bob", "domain2", "data2", "read", true)]
    [InlineData("bob", "domain1", "data1", "read", false)]
    [InlineData("carol", "domain1", "data1", "read", true)]
    public void A_role_holds_only_in_the_domain_of_its_link(string user, string domain, string obj, string act, bool expected) =>
        Assert.Equal(expected, Create().Enforce(user, domain, obj, act));

    [Fact]
    public void AddRoleForUser_in_a_domain_grants_the_role_there_only()
    {
        var enforcer = Create();

        Assert.True(enforcer.AddRoleForUser("alice", "admin", "domain2"));

        Assert.True(enforcer.Enforce("alice", "domain2", "data2", "read"));
        Assert.Equal(["alice", "bob"], enforcer.GetUsersForRole("admin", "domain2").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void DeleteRolesForUser_in_a_domain_keeps_the_links_of_other_domains()
    {
        var enforcer = Create();

        Assert.True(enforcer.DeleteRolesForUser("carol", "domain2"));

        Assert.Equal(["admin"], enforcer.GetRolesForUser("carol", "domain1"));
        Assert.Empty(enforcer.GetRolesForUser("carol", "domain2"));
    }

    [Fact]
    public void A_domain_pattern_link_added_at_run_time_applies_in_every_matching_domain()
    {
        var enforcer = Create();
        Assert.True(enforcer.AddNamedDomainMatchingFunc("g", BuiltInFunctions.KeyMatch));

        Assert.True(enforcer.AddRoleForUser("dave", "admin", "domain*"));

        Assert.True(enforcer.Enforce("dave", "domain1", "data1", "write"));
        Assert.True(enforcer.Enforce("dave", "domain2", "data2", "read"));
        Assert.False(enforcer.Enforce("dave", "other", "data1", "write"));
    }

    [Fact]
    public void DeleteRoleForUser_in_a_domain_removes_that_link_only()
    {
        var enforcer = Create();

        Assert.True(enforcer.DeleteRoleForUser("carol", "admin", "domain1"));

        Assert.False(enforcer.Enforce("carol", "domain1", "data1", "read"));
        Assert.True(enforcer.HasGroupingPolicy("carol", "reader", "domain2"));
    }
}
