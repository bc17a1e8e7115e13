using BenchmarkDotNet.Attributes;
using ConfigResolver.Authorization;
using ConfigResolver.Resolution;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using ConfigResolver.TestData;
using Microsoft.Extensions.Configuration;

namespace ConfigResolver.Benchmarks.Authorization;

/// <summary>
/// Issue 12: a membership change applied by <see cref="AuthorizationService"/> on an instance holding 2,700 organizations
/// with 20 members each (54,000 role links, the size of the <c>multitenant</c> scenario). One operation changes one
/// member's role in the in-memory store, which publishes the change; the service has applied it (facts, one role link,
/// one snapshot) when the write returns. The time includes the store write.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class MembershipChangeBenchmarks
{
    private const int Organizations = 2_700;
    private const int MembersPerOrganization = 20;

    private InMemoryTenantStore _store = null!;
    private TenantConfigResolver _resolver = null!;
    private AuthorizationService? _service;
    private readonly List<(Guid Org, Guid User)> _members = [];
    private int _next;

    /// <summary>Whether an <see cref="AuthorizationService"/> follows the store; without one, the row is the store write alone (the baseline).</summary>
    [Params(false, true)]
    public bool WithService { get; set; } = true;

    [GlobalSetup]
    public void GlobalSetup()
    {
        _store = new InMemoryTenantStore();
        var now = DateTimeOffset.UnixEpoch;
        for (var o = 0; o < Organizations; o++)
        {
            var org = new Organization { Id = Guid.NewGuid(), Slug = $"org-{o:D4}", Name = $"Org {o}", CreatedAt = now, UpdatedAt = now };
            _store.CreateOrganizationAsync(org).GetAwaiter().GetResult();
            for (var m = 0; m < MembersPerOrganization; m++)
            {
                var user = new User { Id = Guid.NewGuid(), Email = $"u{o}-{m}@example.com", CreatedAt = now, UpdatedAt = now };
                _store.CreateUserAsync(user).GetAwaiter().GetResult();
                _store.SetMembershipAsync(new Membership(org.Id, user.Id, m == 0 ? MembershipRole.Owner : MembershipRole.Member)).GetAwaiter().GetResult();
                if (m > 0)
                {
                    _members.Add((org.Id, user.Id));
                }
            }
        }

        _resolver = new TenantConfigResolver(_store, new ConfigurationBuilder().Build());
        _service = !WithService ? null : AuthorizationService.StartAsync(
            new AuthorizationOptions { PolicyDirectory = Path.Combine(TestDataFiles.RepositoryRoot, "policies"), WatchForChanges = false }, _store, _resolver).GetAwaiter().GetResult();
    }

    /// <summary>Times <paramref name="count"/> changes with a stopwatch (a quick look, outside BenchmarkDotNet).</summary>
    public static void Probe(int count)
    {
        foreach (var withService in new[] { false, true })
        {
            var bench = new MembershipChangeBenchmarks { WithService = withService };
            bench.GlobalSetup();
            bench.ChangeRole();
            var watch = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                bench.ChangeRole();
            }

            Console.WriteLine($"service={withService}: {watch.Elapsed.TotalMilliseconds / count:F3} ms per membership change");
            bench.GlobalCleanup();
        }
    }

    [GlobalCleanup]
    public void GlobalCleanup()
    {
        _service?.Dispose();
        _resolver.Dispose();
    }

    /// <summary>Moves one member between member and viewer; the service serves the change when the write returns.</summary>
    [Benchmark(Description = "membership change applied (54,000 links)")]
    public long ChangeRole()
    {
        var n = _next++;
        var (org, user) = _members[n % _members.Count];
        var role = (n / _members.Count & 1) == 0 ? MembershipRole.Viewer : MembershipRole.Member;
        _store.SetMembershipAsync(new Membership(org, user, role)).GetAwaiter().GetResult();
        return _service?.Current.Revision ?? n;
    }
}
