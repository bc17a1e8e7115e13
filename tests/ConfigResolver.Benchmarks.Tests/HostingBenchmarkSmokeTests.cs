using ConfigResolver.Benchmarks.Hosting;

namespace ConfigResolver.Benchmarks.Tests;

public sealed class HostingBenchmarkSmokeTests
{
    [Fact]
    public void Hosting_benchmark_scenario_holds_and_every_body_runs()
    {
        var benchmarks = new HostingBenchmarks();
        benchmarks.Setup();
        try
        {
            benchmarks.Verify();
            Assert.True(benchmarks.CheckEngine());
            Assert.True(benchmarks.CheckAdapter());
            Assert.Same(benchmarks.ResolveEngine(), benchmarks.ResolveAdapter());
            Assert.True(benchmarks.WithoutPermission());
            Assert.True(benchmarks.WithPermission());
        }
        finally
        {
            benchmarks.Cleanup();
        }
    }
}
