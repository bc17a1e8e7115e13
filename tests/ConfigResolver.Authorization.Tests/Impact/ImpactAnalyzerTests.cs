using ConfigResolver.Access;
using ConfigResolver.Authorization.Compilation;
using ConfigResolver.Authorization.Impact;
using ConfigResolver.Authorization.Tests.Support;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Tenancy;
using ConfigResolver.Testing;
using ConfigResolver.Validation;

namespace ConfigResolver.Authorization.Tests.Impact;

/// <summary>The impact analysis over plain facts: which decisions change between two policies, for whom, and why.</summary>
public sealed class ImpactAnalyzerTests
{
    private static readonly CompiledPolicy s_shipped = PolicyLoader.LoadDirectory(RepoPaths.Policies, "policies", TestTime.Fixed);

    [Fact]
    public void Removing_a_scope_from_member_lists_exactly_the_members_who_lose_it_in_every_organization()
    {
        var world = new TenantWorld();
        var acme = world.Org("acme");
        var beta = world.Org("beta");
        var mia = world.Member(acme, MembershipRole.Member);
        world.Member(acme, MembershipRole.Admin);
        world.Member(acme, MembershipRole.Viewer);
        world.Member(acme, MembershipRole.Owner);
        var ben = world.Member(beta, MembershipRole.Member);
        world.Member(beta, MembershipRole.Member, mia);
        var facts = world.Facts();
        var names = new Dictionary<Guid, string> { [mia] = "mia@example.com", [ben] = "ben@example.com" };

        var impact = ImpactAnalyzer.Compare(s_shipped, Without("agents:write", "\n  member:"), facts, ImpactPopulation.Create(facts, names.GetValueOrDefault, [], TestTime.Fixed.GetUtcNow()), TestTime.Fixed);

        Assert.Equal(
            [("acme", "mia@example.com"), ("beta", "ben@example.com"), ("beta", "mia@example.com")],
            impact.Changes.Select(static c => (c.Organization, c.Principal)).Distinct());
        Assert.All(impact.Changes, static c => Assert.Equal(("agents:write", true, false), (c.Action, c.AllowedBefore, c.AllowedAfter)));
        Assert.Equal((3, 2, 0), (impact.Principals, impact.Organizations, impact.Gained));
        Assert.Equal(impact.Changes.Length, impact.Lost);
        var change = impact.Changes[0];
        Assert.Contains("role 'member' in organization 'acme' grants 'agents:write'", change.BecauseBefore, StringComparison.Ordinal);
        Assert.Contains("missing role", change.BecauseAfter, StringComparison.Ordinal);
        Assert.Contains("user mia@example.com", change.BecauseAfter, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_policy_changes_nothing_and_counts_every_decision_compared()
    {
        var world = new TenantWorld();
        var acme = world.Org("acme");
        world.Member(acme, MembershipRole.Member);
        world.Member(acme, MembershipRole.Owner);
        var facts = world.Facts();

        var impact = ImpactAnalyzer.Compare(s_shipped, s_shipped, facts, ImpactPopulation.Create(facts, static _ => null, [], TestTime.Fixed.GetUtcNow()), TestTime.Fixed);

        Assert.False(impact.HasChanges);
        Assert.Equal(2L * s_shipped.Scopes.Length, impact.DecisionsCompared);
    }

    [Fact]
    public void A_new_allow_rule_on_a_named_resource_is_a_gain_explained_by_that_rule()
    {
        var world = new TenantWorld();
        var acme = world.Org("acme");
        world.Member(acme, MembershipRole.Viewer);
        var facts = world.Facts();
        var after = Load(("rules/extra.yaml", """
            kind: Rules
            package: extra
            default: deny
            rules:
              - name: viewers-edit-the-handbook
                effect: allow
                actions: [agents:write]
                resources: [agent/handbook]
                when: ["principal.role == 'viewer'"]
            """));

        var impact = ImpactAnalyzer.Compare(s_shipped, after, facts, ImpactPopulation.Create(facts, static _ => "vic@example.com", [], TestTime.Fixed.GetUtcNow()), TestTime.Fixed);

        var change = Assert.Single(impact.Changes);
        Assert.Equal(("vic@example.com", "agents:write", "agent/handbook", true), (change.Principal, change.Action, change.Resource, change.Gained));
        Assert.StartsWith("allow rule 'extra/viewers-edit-the-handbook' (", change.BecauseAfter, StringComparison.Ordinal);
    }

    [Fact]
    public void An_api_key_is_held_to_its_scopes_and_revoked_or_expired_keys_are_left_out()
    {
        var world = new TenantWorld();
        var acme = world.Org("acme");
        var mia = world.Member(acme, MembershipRole.Member);
        var facts = world.Facts();
        var now = TestTime.Fixed.GetUtcNow();
        ApiKey[] keys = [Key(acme, "tools:read", mia, null), Key(acme, "agents:write", mia, null), Key(acme, "agents:write", mia, now.AddDays(-1)), Key(acme, "agents:write", mia, null) with { RevokedAt = now }];
        var population = ImpactPopulation.Create(facts, static _ => "mia@example.com", keys, now);

        var impact = ImpactAnalyzer.Compare(s_shipped, Without("agents:write", "\n  member:"), facts, population, TestTime.Fixed);

        var acmePrincipals = population.Organizations.Single(static o => o.Slug == "acme").Principals.Select(static p => p.Name);
        Assert.Equal(new[] { "apikey:" + keys[0].Id.ToString("D"), "apikey:" + keys[1].Id.ToString("D"), "mia@example.com" }.Order(StringComparer.Ordinal), acmePrincipals.Order(StringComparer.Ordinal));
        Assert.Equal(["mia@example.com", "apikey:" + keys[1].Id.ToString("D")], impact.Changes.Select(static c => c.Principal));
        Assert.All(impact.Changes, static c => Assert.Equal(("agents:write", false), (c.Action, c.AllowedAfter)));
    }

    [Fact]
    public void An_unknown_organization_is_rejected_with_its_name()
    {
        var facts = new TenantWorld().Facts();

        var e = Assert.Throws<TenantValidationException>(() => ImpactPopulation.Create(facts, static _ => null, [], TestTime.Fixed.GetUtcNow(), "nope"));

        Assert.Equal("TEN2005", Assert.Single(e.Diagnostics).Code);
    }

    [Fact]
    public async Task Verify_reports_each_failing_policy_test_at_its_case()
    {
        var broken = Load(("tests/mine_test.yaml", """
            kind: PolicyTest
            name: mine
            fixtures:
              orgs: { acme: {} }
              users: { vic: { email: vic@example.com } }
              memberships: [{ user: vic, org: acme, role: viewer }]
            cases:
              - name: viewer writes agents
                input: { user: vic, org: acme, action: agents:write }
                expect: allow
            """));

        var e = await Assert.ThrowsAsync<PolicyCompilationException>(() => ImpactAnalyzer.VerifyAsync(broken));

        var diagnostic = Assert.Single(e.Diagnostics);
        Assert.Equal(("POL2018", (int?)8), (diagnostic.Code, diagnostic.Line));
        await ImpactAnalyzer.VerifyAsync(s_shipped);
    }

    private static ApiKey Key(Organization org, string scope, Guid user, DateTimeOffset? expires) => new()
    {
        Id = Guid.NewGuid(),
        OrganizationId = org.Id,
        OrganizationSlug = org.Slug,
        Name = scope,
        Prefix = "p" + Guid.NewGuid().ToString("N")[..8],
        SecretHash = "hash",
        Scopes = [scope],
        ActAsUserId = user,
        CreatedAt = TestTime.Fixed.GetUtcNow().AddDays(-10),
        ExpiresAt = expires,
    };

    /// <summary>The shipped policy with one scope line removed from the first list after <paramref name="section"/> (a role's heading).</summary>
    private static CompiledPolicy Without(string scope, string section)
    {
        var roles = File.ReadAllText(Path.Combine(RepoPaths.Policies, "roles.yaml"));
        var at = roles.IndexOf(section, StringComparison.Ordinal);
        var line = roles.IndexOf("- " + scope + "\n", at, StringComparison.Ordinal);
        var start = roles.LastIndexOf('\n', line) + 1;
        return Load(("roles.yaml", roles.Remove(start, roles.IndexOf('\n', line) + 1 - start)));
    }

    /// <summary>The shipped policy directory with files replaced or added.</summary>
    private static CompiledPolicy Load(params (string Path, string Text)[] files)
    {
        var directory = Directory.CreateTempSubdirectory("cfgr-impact-").FullName;
        try
        {
            foreach (var file in Directory.EnumerateFiles(RepoPaths.Policies, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(directory, Path.GetRelativePath(RepoPaths.Policies, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            foreach (var (path, text) in files)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(directory, path))!);
                File.WriteAllText(Path.Combine(directory, path), text);
            }

            return PolicyLoader.LoadDirectory(directory, "policies", TestTime.Fixed);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
