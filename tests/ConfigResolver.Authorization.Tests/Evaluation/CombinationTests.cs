using ConfigResolver.Authorization.Tests.Support;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Authorization.Tests.Evaluation;

public sealed class CombinationTests
{
    private const string Base = """
        kind: Rules
        package: base
        default: deny
        overridable_actions: [analytics:read]
        rules: []
        """;

    private readonly TenantWorld _world = new();
    private readonly Organization _acme;
    private readonly Organization _globex;
    private readonly Guid _acmeMember;
    private readonly Guid _globexMember;

    public CombinationTests()
    {
        _acme = _world.Org("acme");
        _globex = _world.Org("globex");
        _acmeMember = _world.Member(_acme, MembershipRole.Member);
        _globexMember = _world.Member(_globex, MembershipRole.Member);
    }

    [Fact]
    public void Overlay_allow_widens_an_overridable_action_for_its_organization_only()
    {
        var snapshot = _world.Snapshot(PolicyFiles.Load(("rules/base.yaml", Base), ("orgs/acme/analytics.yaml", """
            kind: Rules
            package: analytics
            default: deny
            rules:
              - name: members-read-analytics
                effect: allow
                actions: [analytics:read]
                when: ["'member' in principal.roles"]
            """)));

        var acme = snapshot.Check(Principal.ForUser(_acmeMember), "acme", "analytics:read");

        Assert.True(acme.Allowed);
        Assert.Equal("acme/analytics", Assert.Single(acme.Rules).Package);
        Assert.False(snapshot.Check(Principal.ForUser(_globexMember), "globex", "analytics:read").Allowed);
    }

    [Fact]
    public void Overlay_deny_narrows_its_organization_only()
    {
        var snapshot = _world.Snapshot(PolicyFiles.Load(("orgs/acme/freeze.yaml", """
            kind: Rules
            package: freeze
            default: deny
            rules:
              - name: no-agent-changes
                effect: deny
                actions: ["agents:*"]
                when: ["!endsWith(action, ':read')"]
            """)));

        Assert.False(snapshot.Check(Principal.ForUser(_acmeMember), "acme", "agents:write").Allowed);
        Assert.True(snapshot.Check(Principal.ForUser(_acmeMember), "acme", "agents:read").Allowed);
        Assert.True(snapshot.Check(Principal.ForUser(_globexMember), "globex", "agents:write").Allowed);
    }

    [Fact]
    public void Package_default_allow_applies_only_to_requests_its_rules_select()
    {
        var snapshot = _world.Snapshot(PolicyFiles.Load(("rules/public.yaml", """
            kind: Rules
            package: public
            default: allow
            rules:
              - name: no-public-deletes
                effect: deny
                actions: ["docs:*"]
                when: ["action == 'docs:delete'"]
            """)));
        var stranger = Principal.ForUser(Guid.NewGuid());

        Assert.True(snapshot.Check(stranger, "acme", "docs:read").Allowed);
        Assert.False(snapshot.Check(stranger, "acme", "docs:delete").Allowed);
        Assert.False(snapshot.Check(stranger, "acme", "agents:read").Allowed);
    }

    [Fact]
    public void Rules_that_read_the_context_turn_the_cache_off_and_see_the_client_address()
    {
        var policy = PolicyFiles.Load(("rules/network.yaml", """
            kind: Rules
            package: network
            default: deny
            rules:
              - name: office-only-deletes
                effect: deny
                actions: ["*:delete"]
                when: ["!ipMatch(context.client_ip, '10.0.0.0/8')"]
            """));
        var admin = _world.Member(_acme, MembershipRole.Admin);
        var snapshot = _world.Snapshot(policy);

        Assert.False(policy.IsCacheable);
        Assert.False(snapshot.CachesDecisions);
        Assert.True(snapshot.Check(Principal.ForUser(admin), "acme", "agents:delete", context: new CheckContext { ClientIp = "10.1.2.3" }).Allowed);
        Assert.False(snapshot.Check(Principal.ForUser(admin), "acme", "agents:delete", context: new CheckContext { ClientIp = "192.0.2.1" }).Allowed);
    }

    [Fact]
    public void Condition_that_fails_at_run_time_makes_a_deny_rule_deny_and_an_allow_rule_not_allow()
    {
        var admin = _world.Member(_acme, MembershipRole.Admin);
        var snapshot = _world.Snapshot(PolicyFiles.Load(("rules/attributes.yaml", """
            kind: Rules
            package: attributes
            default: deny
            rules:
              - name: only-owner-deletes
                effect: deny
                actions: [agents:delete]
                when: ["resource.attributes.owner != principal.user_id"]
              - name: readers-of-public
                effect: allow
                actions: [documents:read]
                when: ["resource.attributes.public == true"]
            """)));
        var principal = Principal.ForUser(admin);
        CheckContext Owner(string owner) => new() { ResourceAttributes = new Dictionary<string, object?> { ["owner"] = owner } };

        var own = snapshot.Check(principal, "acme", "agents:delete", "agent/1", Owner(admin.ToString("D")));
        Assert.True(own.Allowed, string.Join("; ", own.Reasons));
        Assert.False(snapshot.Check(principal, "acme", "agents:delete", "agent/1", Owner("someone-else")).Allowed);
        var failed = snapshot.Check(principal, "acme", "agents:delete", "agent/1");
        Assert.False(failed.Allowed);
        Assert.Contains("could not be evaluated", Assert.Single(failed.Rules).Reason, StringComparison.Ordinal);
        Assert.False(snapshot.Check(principal, "acme", "documents:read", "doc/1").Allowed);
    }

    [Fact]
    public void Api_key_scopes_are_a_ceiling_over_the_users_grant()
    {
        var admin = _world.Member(_acme, MembershipRole.Admin);
        var snapshot = _world.Snapshot(PolicyFiles.Load());
        var key = Principal.ForApiKey("k1", "acme", ["agents:read"], admin);

        Assert.True(snapshot.Check(key, "acme", "agents:read").Allowed);
        var denied = snapshot.Check(key, "acme", "agents:delete");
        Assert.False(denied.Allowed);
        Assert.StartsWith("missing API-key scope", denied.WhyNot, StringComparison.Ordinal);
        Assert.NotEqual(Principal.ForApiKey("k1", "acme", ["agents:*"], admin).Key, key.Key);
    }
}
