using ConfigResolver.Authorization.Tests.Support;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Authorization.Tests.Evaluation;

public sealed class CheckTests
{
    private const string StatusRules = """
        kind: Rules
        package: org.status
        default: deny
        overridable_actions: [analytics:read]
        rules:
          - name: suspended-read-only
            effect: deny
            when: ["org.status == 'suspended'", "!endsWith(action, ':read')"]
            reason: "organization {org.slug} is suspended"
        """;

    private static readonly string[] s_actions = ["agents:read", "agents:write", "agents:delete", "billing:read", "analytics:read", "nope:nope"];

    private readonly TenantWorld _world = new();
    private readonly Organization _acme;
    private readonly Organization _globex;
    private readonly Guid _viewer;
    private readonly Guid _admin;
    private readonly Guid _suspendedOwner;

    public CheckTests()
    {
        _acme = _world.Org("acme");
        _globex = _world.Org("globex", OrganizationStatus.Suspended);
        _viewer = _world.Member(_acme, MembershipRole.Viewer);
        _admin = _world.Member(_acme, MembershipRole.Admin);
        _suspendedOwner = _world.Member(_globex, MembershipRole.Owner);
    }

    [Fact]
    public void Role_grant_allows_and_the_explanation_names_the_role_link_and_the_policy_line()
    {
        var snapshot = _world.Snapshot(PolicyFiles.Load(("rules/status.yaml", StatusRules)));

        var decision = snapshot.Check(Principal.ForUser(_admin), "acme", "agents:delete");
        var explanation = decision.Explain();

        Assert.True(decision.Allowed);
        Assert.Equal(snapshot.Revision, decision.Revision);
        Assert.Equal([$"g, user:{_admin:D}, role:admin, acme", "p, role:admin, *, agents, delete"], explanation.PolicyLines.ToArray());
        Assert.Contains("role 'admin' in organization 'acme' grants 'agents:delete'", explanation.Reasons);
        Assert.Null(explanation.WhyNot);
    }

    [Fact]
    public void Missing_role_denial_says_which_roles_would_grant_the_scope()
    {
        var snapshot = _world.Snapshot(PolicyFiles.Load());

        var decision = snapshot.Check(Principal.ForUser(_viewer), "acme", "agents:write");

        Assert.False(decision.Allowed);
        Assert.Equal($"missing role: 'agents:write' is granted to role 'member', 'admin', 'owner'; user {_viewer:D} has role 'viewer'", decision.WhyNot);
        Assert.Empty(decision.PolicyLines);
    }

    [Fact]
    public void Deny_rule_overrides_the_owner_grant_and_is_explained_with_its_rendered_reason_and_position()
    {
        var snapshot = _world.Snapshot(PolicyFiles.Load(("rules/status.yaml", StatusRules)));

        var write = snapshot.Check(Principal.ForUser(_suspendedOwner), "globex", "agents:write");
        var read = snapshot.Check(Principal.ForUser(_suspendedOwner), "globex", "agents:read");

        Assert.False(write.Allowed);
        Assert.True(read.Allowed);
        var rule = Assert.Single(write.Rules);
        Assert.Equal(("org.status", "suspended-read-only", "deny", "rules/status.yaml", 6, 11), (rule.Package, rule.Name, rule.Effect, rule.File, rule.Line, rule.Column));
        Assert.Equal("organization globex is suspended", rule.Reason);
        Assert.StartsWith("deny rule 'suspended-read-only' of package 'org.status' (rules/status.yaml:6:11) fired", write.WhyNot, StringComparison.Ordinal);
    }

    /// <summary>
    /// The recorded truth table of <see cref="StatusRules"/> over the test world: for each organization and member, the
    /// actions allowed (everything else in <see cref="s_actions"/> is denied). Written by hand from the roles and the
    /// suspended rule, not read back from the implementation.
    /// </summary>
    public static TheoryData<string, string, string[]> TruthTable() => new()
    {
        { "acme", "viewer", ["agents:read"] },
        { "acme", "admin", ["agents:read", "agents:write", "agents:delete", "analytics:read"] },
        { "acme", "suspended-owner", [] },
        { "acme", "stranger", [] },
        { "globex", "viewer", [] },
        { "globex", "admin", [] },
        { "globex", "suspended-owner", ["agents:read", "billing:read", "analytics:read"] },
        { "globex", "stranger", [] },
        { "missing", "admin", [] },
        { "missing", "suspended-owner", [] },
    };

    [Theory]
    [MemberData(nameof(TruthTable))]
    public void Cached_and_uncached_snapshots_both_answer_the_recorded_truth_table(string org, string who, string[] allowed)
    {
        var policy = PolicyFiles.Load(("rules/status.yaml", StatusRules));
        var cached = _world.Snapshot(policy, cache: true);
        var uncached = _world.Snapshot(policy, cache: false);
        var principal = Principal.ForUser(who switch
        {
            "viewer" => _viewer,
            "admin" => _admin,
            "suspended-owner" => _suspendedOwner,
            _ => Guid.NewGuid(),
        });

        Assert.True(cached.CachesDecisions);
        Assert.False(uncached.CachesDecisions);
        foreach (var action in s_actions)
        {
            var expected = allowed.Contains(action);
            Assert.True(expected == uncached.Check(principal, org, action).Allowed, $"uncached {who} {org} {action}: expected {expected}");
            Assert.True(expected == cached.Check(principal, org, action).Allowed, $"cached (miss) {who} {org} {action}: expected {expected}");
            Assert.True(expected == cached.Check(principal, org, action).Allowed, $"cached (hit) {who} {org} {action}: expected {expected}");
        }
    }

    [Fact]
    public void Cached_check_allocates_nothing()
    {
        var snapshot = _world.Snapshot(PolicyFiles.Load(("rules/status.yaml", StatusRules)));
        var principal = Principal.ForUser(_admin);
        snapshot.Check(principal, "acme", "agents:write", "agent/1");

        // A path that allocates does so on every call, so every round shows it; a one-time runtime event on this thread
        // (tiering, a type load) while other test classes run in parallel shows in one round at most.
        var fewest = long.MaxValue;
        for (var round = 0; round < 3 && fewest > 0; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var allowed = true;
            for (var i = 0; i < 1000; i++)
            {
                allowed &= snapshot.Check(principal, "acme", "agents:write", "agent/1").Allowed;
            }

            Assert.True(allowed);
            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, fewest);
    }

    [Fact]
    public void Unknown_organization_is_denied_and_explained()
    {
        var snapshot = _world.Snapshot(PolicyFiles.Load());

        var decision = snapshot.Check(Principal.ForUser(_admin), "initech", "agents:read");

        Assert.False(decision.Allowed);
        Assert.Equal("there is no organization 'initech'", decision.WhyNot);
    }

    [Fact]
    public void Platform_admin_holds_the_platform_role_in_every_organization_but_no_more()
    {
        var operatorId = _world.Member(_world.System, MembershipRole.Admin);
        var snapshot = _world.Snapshot(PolicyFiles.Load());

        Assert.True(snapshot.Check(Principal.ForUser(operatorId), "acme", "agents:delete").Allowed);
        Assert.False(snapshot.Check(Principal.ForUser(operatorId), "acme", "billing:read").Allowed);
        Assert.Contains("platform administrators hold role 'admin'", snapshot.Check(Principal.ForUser(operatorId), "acme", "agents:delete").Reasons[0], StringComparison.Ordinal);
    }
}
