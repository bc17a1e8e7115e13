using BenchmarkDotNet.Attributes;
using ConfigResolver.Authorization;
using ConfigResolver.Configuration;
using ConfigResolver.Policy;
using ConfigResolver.Resolution;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using ConfigResolver.TestData;
using Microsoft.Extensions.Configuration;

namespace ConfigResolver.Benchmarks.Authorization;

/// <summary>
/// <c>Check</c> over 1,000 organizations with 20 members each and the shipped policies (roles, suspended and trial
/// rules, the provider rule), cached and uncached, against the engine's own RBAC check as the baseline.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class CheckBenchmarks
{
    public const int Organizations = 1_000;
    public const int MembersPerOrganization = 20;
    private const int RequestCount = 1_024;

    private static readonly MembershipRole[] s_roles = [MembershipRole.Owner, MembershipRole.Admin, MembershipRole.Member, MembershipRole.Member, MembershipRole.Viewer];
    private static readonly (string Action, string? Resource)[] s_actions =
    [
        ("agents:read", null), ("agents:write", "agent/7"), ("agents:delete", "agent/7"), ("billing:read", null),
        ("completions:create", "provider/openai"), ("completions:create", "provider/ollama"), ("config:write", null), ("messages:create", null),
    ];

    private (Principal Principal, string Org, string Action, string? Resource, string Subject, string Obj, string Act)[] _requests = [];
    private AuthorizationSnapshot _cached = null!;
    private AuthorizationSnapshot _uncached = null!;
    private Enforcer _engine = null!;
    private int _next;

    [GlobalSetup]
    public void GlobalSetup()
    {
        var policy = PolicyLoader.LoadDirectory(Path.Combine(TestDataFiles.RepositoryRoot, "policies"));
        var facts = BuildFacts(out var members);
        _cached = AuthorizationSnapshot.Create(policy, facts, new AuthorizationOptions { EnableDecisionCache = true });
        _uncached = AuthorizationSnapshot.Create(policy, facts, new AuthorizationOptions { EnableDecisionCache = false });
        _engine = new Enforcer(policy.Model, policy.PolicyLines.Select(ParseLine).Concat(members.Select(m => ParseLine($"g, user:{m.User:D}, role:{TenancyNames.ToName(m.Role)}, {m.Org}"))));
        _engine.EnableCache(true);

        var random = new Random(42);
        _requests = new (Principal, string, string, string?, string, string, string)[RequestCount];
        for (var i = 0; i < RequestCount; i++)
        {
            var m = members[random.Next(members.Count)];
            var (action, resource) = s_actions[random.Next(s_actions.Length)];
            var colon = action.IndexOf(':', StringComparison.Ordinal);
            _requests[i] = (Principal.ForUser(m.User), m.Org, action, resource, $"user:{m.User:D}", action[..colon], action[(colon + 1)..]);
        }

        // Warm both caches and verify the two snapshots agree on every request.
        foreach (var r in _requests)
        {
            var expected = _uncached.Check(r.Principal, r.Org, r.Action, r.Resource).Allowed;
            if (_cached.Check(r.Principal, r.Org, r.Action, r.Resource).Allowed != expected)
            {
                throw new InvalidOperationException($"cached and uncached disagree on {r.Principal} {r.Org} {r.Action}");
            }

            _engine.Enforce(r.Subject, r.Org, r.Obj, r.Act);
        }
    }

    [Benchmark(Baseline = true, Description = "engine RBAC only (cached)")]
    public bool Engine_Enforce()
    {
        var r = _requests[_next++ & (RequestCount - 1)];
        return _engine.Enforce(r.Subject, r.Org, r.Obj, r.Act);
    }

    [Benchmark(Description = "Check, cached")]
    public bool Check_Cached()
    {
        var r = _requests[_next++ & (RequestCount - 1)];
        return _cached.Check(r.Principal, r.Org, r.Action, r.Resource).Allowed;
    }

    [Benchmark(Description = "Check, uncached")]
    public bool Check_Uncached()
    {
        var r = _requests[_next++ & (RequestCount - 1)];
        return _uncached.Check(r.Principal, r.Org, r.Action, r.Resource).Allowed;
    }

    /// <summary>Counts allowed decisions over every request (smoke tests compare the three paths).</summary>
    public int CountAllowed(Func<bool> benchmark)
    {
        _next = 0;
        var allowed = 0;
        for (var i = 0; i < RequestCount; i++)
        {
            allowed += benchmark() ? 1 : 0;
        }

        return allowed;
    }

    private static TenantFacts BuildFacts(out List<(Guid User, string Org, MembershipRole Role)> members)
    {
        var store = new InMemoryTenantStore();
        var now = DateTimeOffset.UnixEpoch;
        var organizations = new List<Organization>();
        members = [];
        var openai = OrgConfigDocument.Parse("""{"version":1,"setups":{"default":{"providers":{"openai":{"enabled":true},"ollama":{"enabled":false}}}}}""");
        for (var o = 0; o < Organizations; o++)
        {
            var status = (o % 10) switch { 0 => OrganizationStatus.Suspended, 1 => OrganizationStatus.Trial, _ => OrganizationStatus.Active };
            var org = new Organization { Id = Guid.NewGuid(), Slug = $"org-{o:D4}", Name = $"Org {o}", Status = status, Config = openai, CreatedAt = now, UpdatedAt = now };
            store.CreateOrganizationAsync(org).GetAwaiter().GetResult();
            organizations.Add(org);
            for (var m = 0; m < MembersPerOrganization; m++)
            {
                members.Add((Guid.NewGuid(), org.Slug, s_roles[m % s_roles.Length]));
            }
        }

        using var resolver = new TenantConfigResolver(store, new ConfigurationBuilder().Build());
        var configs = organizations.ToDictionary(static o => o.Id, o => resolver.ResolveAsync(o.Id).AsTask().GetAwaiter().GetResult());
        var ids = organizations.ToDictionary(static o => o.Slug, static o => o.Id);
        return TenantFacts.Create(organizations, members.Select(m => new Membership(ids[m.Org], m.User, m.Role)), configs);
    }

    private static ConfigResolver.Policy.Model.PolicyLine ParseLine(string line)
    {
        var fields = line.Split(", ");
        return new(fields[0], [.. fields[1..]], 0);
    }
}
