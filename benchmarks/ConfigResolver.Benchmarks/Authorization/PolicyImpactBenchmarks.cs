using BenchmarkDotNet.Attributes;
using ConfigResolver.Authorization;
using ConfigResolver.Authorization.Compilation;
using ConfigResolver.Authorization.Impact;
using ConfigResolver.Configuration;
using ConfigResolver.Resolution;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using ConfigResolver.TestData;
using Microsoft.Extensions.Configuration;

namespace ConfigResolver.Benchmarks.Authorization;

/// <summary>
/// <c>policy diff</c>'s analysis: the shipped policies against a copy where <c>member</c> loses <c>agents:write</c>, over
/// 1,000 organizations × 20 members × every shipped scope (without a resource; completions:create also on each of the 4
/// providers, since the provider rules read the resource). The baseline is the simplest way to the answer: one thread,
/// both snapshots checked request by request.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PolicyImpactBenchmarks
{
    public const int Organizations = 1_000;
    public const int MembersPerOrganization = 20;

    private static readonly MembershipRole[] s_roles = [MembershipRole.Owner, MembershipRole.Admin, MembershipRole.Member, MembershipRole.Member, MembershipRole.Viewer];

    private CompiledPolicy _before = null!;
    private CompiledPolicy _after = null!;
    private TenantFacts _facts = null!;
    private ImpactPopulation _population = null!;

    /// <summary>How many members hold the role <c>member</c> (each loses <c>agents:write</c>).</summary>
    public int MemberRoleCount { get; private set; }

    [GlobalSetup]
    public void GlobalSetup()
    {
        var directory = Path.Combine(TestDataFiles.RepositoryRoot, "policies");
        _before = PolicyLoader.LoadDirectory(directory);
        var copy = Directory.CreateTempSubdirectory("cfgr-impact-bench-").FullName;
        try
        {
            foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(copy, Path.GetRelativePath(directory, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            var roles = File.ReadAllText(Path.Combine(copy, "roles.yaml"));
            var at = roles.IndexOf("      - agents:write\n", roles.IndexOf("\n  member:\n", StringComparison.Ordinal), StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(copy, "roles.yaml"), roles.Remove(at, "      - agents:write\n".Length));
            _after = PolicyLoader.LoadDirectory(copy);
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }

        _facts = BuildFacts();
        _population = ImpactPopulation.Create(_facts, static _ => null, [], DateTimeOffset.UnixEpoch);
        MemberRoleCount = Organizations * MembersPerOrganization * 2 / s_roles.Length;
    }

    [Benchmark(Baseline = true, Description = "both snapshots, one thread, request by request")]
    public int Sequential()
    {
        var options = new AuthorizationOptions { EnableDecisionCache = false };
        var old = AuthorizationSnapshot.Create(_before, _facts, options);
        var @new = AuthorizationSnapshot.Create(_after, _facts, options);
        string[] actions = [.. _before.Scopes];
        var plan = ImpactResources.Plan(_before, _after, actions);
        var changed = 0;
        foreach (var organization in _population.Organizations)
        {
            var providers = ImpactResources.Providers(_facts, organization.Slug);
            foreach (var principal in organization.Principals)
            {
                for (var a = 0; a < actions.Length; a++)
                {
                    var action = actions[a];
                    foreach (var resource in ImpactResources.For(plan[a], providers))
                    {
                        changed += old.Check(principal.Principal, organization.Slug, action, resource).Allowed != @new.Check(principal.Principal, organization.Slug, action, resource).Allowed ? 1 : 0;
                    }
                }
            }
        }

        return changed;
    }

    [Benchmark(Description = "ImpactAnalyzer.Compare (parallel across organizations)")]
    public PolicyImpact Analyzer() => ImpactAnalyzer.Compare(_before, _after, _facts, _population);

    private static TenantFacts BuildFacts()
    {
        var store = new InMemoryTenantStore();
        var now = DateTimeOffset.UnixEpoch;
        var organizations = new List<Organization>();
        var memberships = new List<Membership>();
        var config = OrgConfigDocument.Parse("""{"version":1,"setups":{"default":{"providers":{"openai":{"enabled":true},"ollama":{"enabled":false}}}}}""");
        for (var o = 0; o < Organizations; o++)
        {
            var org = new Organization { Id = Guid.NewGuid(), Slug = $"org-{o:D4}", Name = $"Org {o}", Config = config, CreatedAt = now, UpdatedAt = now };
            store.CreateOrganizationAsync(org).GetAwaiter().GetResult();
            organizations.Add(org);
            memberships.AddRange(Enumerable.Range(0, MembersPerOrganization).Select(m => new Membership(org.Id, Guid.NewGuid(), s_roles[m % s_roles.Length])));
        }

        using var resolver = new TenantConfigResolver(store, new ConfigurationBuilder().Build());
        var configs = organizations.ToDictionary(static o => o.Id, o => resolver.ResolveAsync(o.Id).AsTask().GetAwaiter().GetResult());
        return TenantFacts.Create(organizations, memberships, configs);
    }
}
