using ConfigResolver.Policy.Tests.Support;

namespace ConfigResolver.Policy.Tests.Enforcement;

public sealed class GroupingManagementTests
{
    private const string Policy = """
        p, admin, documents, read
        g, alice, admin
        g, bob, admin
        g2, report.pdf, documents
        """;

    private static Enforcer Create() => Enforcer.FromText(Models.TwoRoleTypes, Policy);

    [Fact]
    public void AddGroupingPolicy_links_a_user_to_a_role_and_changes_decisions()
    {
        var enforcer = Create();
        Assert.False(enforcer.Enforce("carol", "report.pdf", "read"));

        Assert.True(enforcer.AddGroupingPolicy("carol", "admin"));
        Assert.False(enforcer.AddGroupingPolicy("carol", "admin"));

        Assert.True(enforcer.HasGroupingPolicy("carol", "admin"));
        Assert.True(enforcer.Enforce("carol", "report.pdf", "read"));
    }

    [Fact]
    public void AddGroupingPolicies_adds_nothing_when_one_link_already_exists()
    {
        var enforcer = Create();

        Assert.False(enforcer.AddGroupingPolicies([["carol", "admin"], ["alice", "admin"]]));

        Assert.False(enforcer.HasGroupingPolicy("carol", "admin"));
        Assert.Equal(1, enforcer.Revision);
    }

    [Fact]
    public void RemoveGroupingPolicy_unlinks_and_changes_decisions()
    {
        var enforcer = Create();

        Assert.True(enforcer.RemoveGroupingPolicy("alice", "admin"));
        Assert.False(enforcer.RemoveGroupingPolicy("alice", "admin"));

        Assert.False(enforcer.Enforce("alice", "report.pdf", "read"));
        Assert.True(enforcer.Enforce("bob", "report.pdf", "read"));
    }

    [Fact]
    public void RemoveFilteredGroupingPolicy_removes_every_link_the_filter_matches()
    {
        var enforcer = Create();

        Assert.True(enforcer.RemoveFilteredGroupingPolicy(1, "admin"));

        Assert.Empty(enforcer.GetGroupingPolicy());
        Expect.Rules("g2", [["report.pdf", "documents"]], enforcer.GetNamedGroupingPolicy("g2"));
    }

    [Fact]
    public void UpdateGroupingPolicy_moves_a_link()
    {
        var enforcer = Create();

        Assert.True(enforcer.UpdateGroupingPolicy(["bob", "admin"], ["bob", "guest"]));

        Assert.Equal(["guest"], enforcer.GetRolesForUser("bob"));
        Assert.False(enforcer.Enforce("bob", "report.pdf", "read"));
    }

    [Fact]
    public void Named_grouping_variants_change_the_named_role_type_only()
    {
        var enforcer = Create();

        Assert.True(enforcer.AddNamedGroupingPolicy("g2", "notes.txt", "documents"));
        Assert.True(enforcer.Enforce("alice", "notes.txt", "read"));
        Assert.True(enforcer.RemoveNamedGroupingPolicy("g2", "report.pdf", "documents"));

        Assert.False(enforcer.Enforce("alice", "report.pdf", "read"));
        Assert.True(enforcer.HasNamedGroupingPolicy("g2", "notes.txt", "documents"));
        Expect.Rules("g", [["alice", "admin"], ["bob", "admin"]], enforcer.GetGroupingPolicy());
        Expect.Rules("filtered g2", [["notes.txt", "documents"]], enforcer.GetFilteredNamedGroupingPolicy("g2", 1, "documents"));
    }

    [Fact]
    public void Grouping_batches_add_and_remove_in_one_revision()
    {
        var enforcer = Create();

        Assert.True(enforcer.AddNamedGroupingPolicies("g2", [["a.txt", "documents"], ["b.txt", "documents"]]));
        Assert.True(enforcer.RemoveGroupingPolicies([["alice", "admin"], ["bob", "admin"]]));

        Assert.Equal(3, enforcer.Revision);
        Assert.Equal(3, enforcer.GetNamedGroupingPolicy("g2").Count);
        Assert.Empty(enforcer.GetFilteredGroupingPolicy(1, "admin"));
    }
}
