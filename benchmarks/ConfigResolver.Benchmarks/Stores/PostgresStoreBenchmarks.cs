using BenchmarkDotNet.Attributes;
using ConfigResolver.Authorization;
using ConfigResolver.Postgres;
using ConfigResolver.Resolution;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using ConfigResolver.Testing;
using Microsoft.Extensions.Configuration;

namespace ConfigResolver.Benchmarks.Stores;

/// <summary>
/// The resolver and <c>Check</c> over a PostgreSQL store (a throwaway loopback server, fsync off): a cached resolve (the
/// baseline), a cache miss (the organization's snapshot dropped by a change on the feed, then re-read from PostgreSQL and
/// rebuilt), and a check on an AuthorizationService whose facts were read from PostgreSQL (cached and with the decision
/// cache off). 100 organizations with two members each.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PostgresStoreBenchmarks
{
    private PostgresTestServer _server = null!;
    private PostgresTenantStore _store = null!;
    private MutableFeedStore _feed = null!;
    private TenantConfigResolver _resolver = null!;
    private TenantConfigResolver _serviceResolver = null!;
    private AuthorizationService _service = null!;
    private AuthorizationSnapshot _uncached = null!;
    private TenantChange _invalidate = null!;
    private Principal _member = null!;

    [GlobalSetup]
    public void GlobalSetup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void GlobalCleanup()
    {
        _service.Dispose();
        _serviceResolver.Dispose();
        _resolver.Dispose();
        _feed.Dispose();
        _store.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "resolve, cached")]
    public string? Resolve_cached() => Resolve();

    [Benchmark(Description = "resolve, cache miss (PostgreSQL read + build)")]
    public string? Resolve_miss()
    {
        _feed.Publish(_invalidate);
        return Resolve();
    }

    [Benchmark(Description = "Check, cached (facts from PostgreSQL)")]
    public bool Check_cached() => _service.Check(_member, "org42", "agents:write").Allowed;

    [Benchmark(Description = "Check, uncached (facts from PostgreSQL)")]
    public bool Check_uncached() => _uncached.Check(_member, "org42", "agents:write").Allowed;

    /// <summary>A hit completes synchronously and is read without allocating; a miss waits for PostgreSQL.</summary>
    private string? Resolve()
    {
        var pending = _resolver.ResolveAsync("org42");
        return (pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult()).Metadata.Description;
    }

    private static string ConfigFor(int i) =>
        """{"version":1,"metadata":{"description":"dN"},"setups":{"default":{"providers":{"openai":{"enabled":true,"base_url":"https://api.openai.com/v1","api_key":"sk-N","models":["gpt-4o"],"default_model":"gpt-4o"}}}}}"""
            .Replace("N", i.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private async Task SetupAsync()
    {
        _server = await PostgresTestServer.StartAsync();
        _store = await PostgresTenantStore.OpenAsync(await _server.CreateDatabaseAsync());
        var admin = new TenantAdministration(_store);
        Guid memberId = default;
        for (var i = 0; i < 100; i++)
        {
            var slug = "org" + i;
            await admin.CreateOrganizationAsync(new CreateOrganizationRequest
            {
                Slug = slug,
                Name = slug,
                ConfigJson = ConfigFor(i),
            });
            await admin.AddUserAsync($"owner{i}@example.com");
            var member = await admin.AddUserAsync($"member{i}@example.com");
            await admin.SetMembershipAsync(slug, $"owner{i}@example.com", MembershipRole.Owner);
            await admin.SetMembershipAsync(slug, $"member{i}@example.com", MembershipRole.Member);
            memberId = i == 42 ? member.Id : memberId;
        }

        var organization = (await _store.FindOrganizationBySlugAsync("org42"))!;
        _invalidate = new TenantChange(TenantChangeKind.OrganizationUpdated) { OrganizationId = organization.Id, OrganizationSlug = organization.Slug, IsRemote = true };
        _member = Principal.ForUser(memberId);
        _feed = new MutableFeedStore(_store);
        var environment = new ConfigurationBuilder().Build();
        _resolver = new TenantConfigResolver(_feed, environment);
        _serviceResolver = new TenantConfigResolver(_store, environment);
        var policies = Path.Combine(TestPaths.RepositoryRoot, "policies");
        _service = await AuthorizationService.StartAsync(new AuthorizationOptions { PolicyDirectory = policies }, _store, _serviceResolver);
        _uncached = AuthorizationSnapshot.Create(_service.Current.Policy, _service.Current.Facts, new AuthorizationOptions { EnableDecisionCache = false });
        if (!Check_cached() || !Check_uncached() || Resolve_miss() != "d42" || Resolve_cached() != "d42")
        {
            throw new InvalidOperationException("The PostgreSQL scenario does not answer as expected.");
        }
    }
}
