using BenchmarkDotNet.Attributes;
using ConfigResolver.Commerce;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using ConfigResolver.Usage;

namespace ConfigResolver.Benchmarks.Usage;

/// <summary>
/// <c>UsageMeter.TryConsumeAsync</c> inside a lease (target: at most 100 ns and 0 B), and consumptions per second on two
/// threads sharing one counter (target: at least 5 M/s). The plan is unlimited for the measured meter, so leases are
/// refilled at <c>MaxLease</c> units and the store is reached once per 1,048,576 consumptions. Baseline: one interlocked
/// add on a shared counter, the least any lease can cost.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class UsageBenchmarks
{
    /// <summary>Consumptions per invocation of the two-thread benchmark.</summary>
    public const int PerThread = 1_000_000;

    private UsageMeter _meter = null!;
    private Guid _organization;
    private long _counter;

    [GlobalSetup]
    public void GlobalSetup()
    {
        var store = new InMemoryTenantStore();
        var organization = new Organization { Id = Guid.NewGuid(), Slug = "acme", Name = "Acme", CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch };
        store.CreateOrganizationAsync(organization).GetAwaiter().GetResult();
        var plan = new OrganizationPlan("bench", new PlanLimits { ApiCallsPerMonth = null, CreditsPerMonth = 1_000 });
        store.ApplyCommerceAsync(CommerceCommand.SetPlan(organization.Id, plan, false, DateTimeOffset.UnixEpoch)).GetAwaiter().GetResult();
        _organization = organization.Id;
        _meter = new UsageMeter(store, TimeProvider.System, new UsageMeterOptions { InitialLease = 1 << 20, MaxLease = 1 << 20 });
        if (!Consume())
        {
            throw new InvalidOperationException("The first consumption was refused.");
        }
    }

    [GlobalCleanup]
    public void GlobalCleanup() => _meter.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, Description = "Interlocked.Add on a shared counter")]
    public long Interlocked_add() => Interlocked.Add(ref _counter, 1);

    [Benchmark(Description = "TryConsumeAsync inside a lease")]
    public bool TryConsume() => Consume();

    [Benchmark(OperationsPerInvoke = 2 * PerThread, Description = "TryConsumeAsync, 2 threads, one counter (per consumption)")]
    public void TryConsume_two_threads()
    {
        var other = new Thread(Loop);
        other.Start();
        Loop();
        other.Join();
    }

    private void Loop()
    {
        for (var i = 0; i < PerThread; i++)
        {
            Consume();
        }
    }

    private bool Consume()
    {
        var pending = _meter.TryConsumeAsync(_organization, null, PlanLimits.ApiCallsMeter, 1);
        return pending.IsCompletedSuccessfully ? pending.Result.Allowed : pending.AsTask().GetAwaiter().GetResult().Allowed;
    }
}
