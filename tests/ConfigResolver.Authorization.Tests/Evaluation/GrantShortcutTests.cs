using ConfigResolver.Authorization.Tests.Support;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Authorization.Tests.Evaluation;

/// <summary>
/// The grant lookup that replaces the engine evaluation under the shipped model must decide exactly as the engine does,
/// and a changed model must keep the engine.
/// </summary>
public sealed class GrantShortcutTests
{
    private static readonly string ShippedModel = File.ReadAllText(Path.Combine(RepoPaths.Policies, "model.conf"));

    // The same semantics written differently: the loader cannot prove it is the shipped model, so the engine decides.
    private static readonly string ReorderedModel = ShippedModel.Replace(
        "m = r.obj == p.obj && r.act == p.act && g(r.sub, p.sub, r.dom) && (p.dom == \"*\" || p.dom == r.dom)",
        "m = r.act == p.act && r.obj == p.obj && g(r.sub, p.sub, r.dom) && (p.dom == \"*\" || p.dom == r.dom)",
        StringComparison.Ordinal);

    // Different semantics: a grant counts only on the request's own domain, and the compiled lines are on '*'.
    private static readonly string DomainOnlyModel = ShippedModel.Replace("(p.dom == \"*\" || p.dom == r.dom)", "p.dom == r.dom", StringComparison.Ordinal);

    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5];

    [Fact]
    public void The_shipped_model_uses_the_lookup_and_a_changed_one_the_engine()
    {
        Assert.NotEqual(ShippedModel, ReorderedModel);
        Assert.True(Load(null).GrantsAreLookups);
        Assert.True(Load(ShippedModel).GrantsAreLookups);
        Assert.True(Load(ShippedModel.Replace(" && ", "&&", StringComparison.Ordinal) + "\n# a comment\n").GrantsAreLookups);
        Assert.False(Load(ReorderedModel).GrantsAreLookups);
        Assert.False(Load(DomainOnlyModel).GrantsAreLookups);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_lookup_decides_exactly_as_the_engine_on_random_worlds(int seed)
    {
        var random = new Random(seed);
        var world = new TenantWorld();
        var members = new List<(Guid User, string Org)>();
        var orgs = Enumerable.Range(0, 6).Select(i => world.Org($"org{i}", i == 5 ? OrganizationStatus.Suspended : OrganizationStatus.Active)).ToList();
        var users = Enumerable.Range(0, 12).Select(_ => Guid.NewGuid()).ToList();
        foreach (var user in users)
        {
            foreach (var org in orgs.Where(_ => random.Next(3) > 0))
            {
                world.Member(org, (MembershipRole)random.Next(4), user);
                members.Add((user, org.Slug));
            }

            if (random.Next(5) == 0)
            {
                world.Member(world.System, MembershipRole.Admin, user);
            }
        }

        var lookup = world.Snapshot(Load(ShippedModel), cache: false);
        var engine = world.Snapshot(Load(ReorderedModel), cache: false);
        var scopes = lookup.Policy.Scopes.Append("undeclared:scope").ToArray();
        var compared = 0;
        foreach (var user in users.Append(Guid.NewGuid()))
        {
            foreach (var org in orgs.Select(static o => o.Slug).Append("system").Append("nowhere"))
            {
                foreach (var scope in scopes)
                {
                    var principal = Principal.ForUser(user);
                    var expected = engine.Check(principal, org, scope);
                    var actual = lookup.Check(principal, org, scope);
                    Assert.True(expected.Allowed == actual.Allowed, $"{user} {org} {scope}: engine {expected.Allowed}, lookup {actual.Allowed}");
                    Assert.Equal(string.Join("\n", expected.Explain().Reasons), string.Join("\n", actual.Explain().Reasons));
                    compared++;
                }
            }
        }

        Assert.True(members.Count > 20 && compared > 500, $"{members.Count} memberships, {compared} comparisons");
        Assert.Contains(members, m => lookup.Check(Principal.ForUser(m.User), m.Org, "agents:write").Allowed);
    }

    [Fact]
    public void A_changed_model_is_what_decides()
    {
        var world = new TenantWorld();
        var acme = world.Org("acme");
        var owner = world.Member(acme, MembershipRole.Owner);

        var shipped = world.Snapshot(Load(ShippedModel), cache: false).Check(Principal.ForUser(owner), "acme", "agents:read");
        var domainOnly = world.Snapshot(Load(DomainOnlyModel), cache: false).Check(Principal.ForUser(owner), "acme", "agents:read");

        Assert.True(shipped.Allowed);
        Assert.False(domainOnly.Allowed);
    }

    private static Compilation.CompiledPolicy Load(string? model) =>
        model is null ? PolicyFiles.Load() : PolicyFiles.Load(("model.conf", model));
}
