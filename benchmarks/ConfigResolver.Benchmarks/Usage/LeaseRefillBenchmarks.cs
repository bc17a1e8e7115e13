using BenchmarkDotNet.Attributes;
using ConfigResolver.Commerce;
using ConfigResolver.Postgres;
using ConfigResolver.Sqlite;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using ConfigResolver.Testing;
using ConfigResolver.Usage;

namespace ConfigResolver.Benchmarks.Usage;

/// <summary>
/// What a lease refill costs: one reservation plus its settlement (two store transactions) on SQLite (a temporary file,
/// WAL) and on PostgreSQL (a throwaway loopback server, fsync off). Baseline: the same on the in-memory store.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class LeaseRefillBenchmarks
{
    private const string Period = "2026-03";

    private readonly Dictionary<string, (ITenantStore Store, Guid Organization)> _stores = [];
    private PostgresTestServer? _server;
    private string? _path;

    [GlobalSetup]
    public void GlobalSetup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void GlobalCleanup()
    {
        foreach (var (store, _) in _stores.Values)
        {
            (store as IAsyncDisposable)?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        _server?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        if (_path is not null)
        {
            File.Delete(_path);
        }
    }

    [Benchmark(Baseline = true, Description = "refill + settle, in memory")]
    public long InMemory() => Refill("memory");

    [Benchmark(Description = "refill + settle, SQLite")]
    public long Sqlite() => Refill("sqlite");

    [Benchmark(Description = "refill + settle, PostgreSQL")]
    public long Postgres() => Refill("postgres");

    private long Refill(string name)
    {
        var (store, organization) = _stores[name];
        var grant = store.ReserveUsageAsync(new UsageReservation(organization, null, PlanLimits.TokensMeter, Period, 1_000, 1)).AsTask().GetAwaiter().GetResult();
        store.ReleaseUsageAsync(new UsageRelease(organization, null, PlanLimits.TokensMeter, Period, 1, grant.Granted - 1)).GetAwaiter().GetResult();
        return grant.Granted;
    }

    private async Task SetupAsync()
    {
        _path = Path.Combine(Path.GetTempPath(), "cfgr-bench-" + Guid.NewGuid().ToString("N") + ".db");
        _server = await PostgresTestServer.StartAsync();
        ITenantStore[] stores = [new InMemoryTenantStore(), await SqliteTenantStore.OpenAsync(_path), await PostgresTenantStore.OpenAsync(await _server.CreateDatabaseAsync())];
        string[] names = ["memory", "sqlite", "postgres"];
        for (var i = 0; i < stores.Length; i++)
        {
            var organization = new Organization { Id = Guid.NewGuid(), Slug = "acme", Name = "Acme", CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch };
            await stores[i].CreateOrganizationAsync(organization);
            await stores[i].ApplyCommerceAsync(CommerceCommand.SetPlan(organization.Id, new OrganizationPlan("bench", new PlanLimits { TokensPerMonth = long.MaxValue / 2 }), false, DateTimeOffset.UnixEpoch));
            _stores[names[i]] = (stores[i], organization.Id);
        }
    }
}
