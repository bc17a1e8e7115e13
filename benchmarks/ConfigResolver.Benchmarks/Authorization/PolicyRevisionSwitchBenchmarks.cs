using BenchmarkDotNet.Attributes;
using ConfigResolver.Authorization;
using ConfigResolver.Authorization.Loading;
using ConfigResolver.Resolution;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using ConfigResolver.TestData;
using Microsoft.Extensions.Configuration;

namespace ConfigResolver.Benchmarks.Authorization;

/// <summary>
/// Issue 12: an instance serving policies from the store (<see cref="PolicySourceKind.Store"/>) switches to a newly
/// published revision. The instance holds 2,700 organizations with 20 members each (54,000 role links plus the shipped
/// policy's lines, the size of the 54,162-rule <c>multitenant</c> scenario). One operation publishes the other of two
/// revisions (the shipped policies, with and without one overlay file) and waits until the service serves it: read the
/// revision, compile it, (optionally) run its policy tests, build the new engine from the facts, publish.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PolicyRevisionSwitchBenchmarks
{
    public const int Organizations = 2_700;
    public const int MembersPerOrganization = 20;

    private static readonly MembershipRole[] s_roles = [MembershipRole.Owner, MembershipRole.Admin, MembershipRole.Member, MembershipRole.Member, MembershipRole.Viewer];

    private InMemoryTenantStore _store = null!;
    private TenantConfigResolver _resolver = null!;
    private AuthorizationService _service = null!;
    private PolicyRevisionDraft[] _drafts = [];
    private int _next;

    /// <summary>Whether each switch runs the revision's policy tests (the default; push already ran them once).</summary>
    [Params(true, false)]
    public bool RunTests { get; set; }

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
                _store.SetMembershipAsync(new Membership(org.Id, user.Id, m == 0 ? MembershipRole.Owner : s_roles[m % s_roles.Length])).GetAwaiter().GetResult();
            }
        }

        var files = PolicyDirectory.Read(Path.Combine(TestDataFiles.RepositoryRoot, "policies")).Select(f => new PolicyRevisionFile(f.RelativePath, f.Text!)).ToList();
        var overlay = new PolicyRevisionFile("orgs/org-0001/freeze.yaml", "kind: Rules\npackage: freeze\ndefault: deny\nrules:\n  - name: frozen\n    effect: deny\n    actions: [\"agents:write\"]\n");
        _drafts = [new PolicyRevisionDraft(files, "bench", "base"), new PolicyRevisionDraft([.. files, overlay], "bench", "overlay")];
        _store.PublishPolicyRevisionAsync(_drafts[0]).GetAwaiter().GetResult();
        _resolver = new TenantConfigResolver(_store, new ConfigurationBuilder().Build());
        _service = AuthorizationService.StartAsync(
            new AuthorizationOptions { PolicySource = PolicySourceKind.Store, WatchForChanges = false, RunPolicyTestsOnReload = RunTests }, _store, _resolver).GetAwaiter().GetResult();
        _next = 1;
    }

    [GlobalCleanup]
    public void GlobalCleanup()
    {
        _service.Dispose();
        _resolver.Dispose();
    }

    /// <summary>Publishes the other revision and waits until the service serves it.</summary>
    [Benchmark(Description = "publish + switch (54,000 links)")]
    public async Task<long> Switch()
    {
        var draft = _drafts[_next++ & 1];
        var published = await _store.PublishPolicyRevisionAsync(draft).ConfigureAwait(false);
        await _service.WhenChangesAppliedAsync().ConfigureAwait(false);
        if (_service.Status.PolicyRevision?.Number != published.Revision.Number)
        {
            throw new InvalidOperationException($"the service serves revision {_service.Status.PolicyRevision?.Number}, not {published.Revision.Number}: {string.Join("; ", _service.Status.LastErrors)}");
        }

        return _service.Current.Revision;
    }
}
