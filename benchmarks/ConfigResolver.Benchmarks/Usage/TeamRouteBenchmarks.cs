using BenchmarkDotNet.Attributes;
using ConfigResolver.Benchmarks.Resolution;
using ConfigResolver.Commerce;
using ConfigResolver.Configuration;
using ConfigResolver.Resolution;
using ConfigResolver.Routing;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Benchmarks.Usage;

/// <summary>
/// <c>cfgr route --team</c>'s cached answer: a team's route from a cached snapshot (target: at most 100 ns, 0 B).
/// Baseline: the organization's cached route without a team.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TeamRouteBenchmarks
{
    private TenantConfigResolver _resolver = null!;
    private TeamRouting _team = null!;

    [GlobalSetup]
    public void GlobalSetup()
    {
        var store = new InMemoryTenantStore();
        var organization = new Organization { Id = Guid.NewGuid(), Slug = "acme", Name = "Acme", Config = OrgConfigDocument.Parse(CompletionRouteBenchmarks.Document), CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch };
        store.CreateOrganizationAsync(organization).GetAwaiter().GetResult();
        var state = new CommerceState(organization.Id)
        {
            ModelGroups = [new ModelGroup("cheap", [new ModelGroupEntry("mistral:latest", "ollama", 1), new ModelGroupEntry("gpt-4o-mini", null, 2)])],
            Teams = [new Team("research") { ModelGroups = ["cheap"] }],
        };
        _team = TeamRouting.For(state, "acme", "research");
        _resolver = new TenantConfigResolver(store);
        if (Team().Answer.Model != "mistral:latest")
        {
            throw new InvalidOperationException("The team's first model should be the group's first.");
        }
    }

    [GlobalCleanup]
    public void GlobalCleanup() => _resolver.Dispose();

    [Benchmark(Baseline = true, Description = "route, organization, cached")]
    public CompletionRoute Organization() => Config().RouteCompletion();

    [Benchmark(Description = "route --team, cached")]
    public CompletionRoute Team() => _team.Route(Config());

    private TenantConfig Config()
    {
        var pending = _resolver.ResolveAsync("acme");
        return pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
    }
}
