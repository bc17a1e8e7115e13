using ConfigResolver.Benchmarks.Authorization;

namespace ConfigResolver.Benchmarks.Tests;

/// <summary>The authorization benchmark's setup runs (it checks cached against uncached on every request) and each body runs; untimed.</summary>
public sealed class AuthorizationBenchmarkSmokeTests
{
    [Fact]
    public void Check_benchmark_sets_up_over_1000_organizations_and_its_paths_agree()
    {
        var benchmark = new CheckBenchmarks();
        benchmark.GlobalSetup();

        var uncached = benchmark.CountAllowed(benchmark.Check_Uncached);
        var cached = benchmark.CountAllowed(benchmark.Check_Cached);
        var engine = benchmark.CountAllowed(benchmark.Engine_Enforce);

        Assert.Equal(uncached, cached);
        Assert.InRange(uncached, 1, 1023);
        Assert.True(engine >= uncached, "rules only deny beyond the role grant in these requests, so the engine alone allows at least as much");
    }
}
