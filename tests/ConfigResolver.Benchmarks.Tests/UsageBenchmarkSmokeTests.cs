using ConfigResolver.Benchmarks.Usage;

namespace ConfigResolver.Benchmarks.Tests;

public sealed class UsageBenchmarkSmokeTests
{
    [Fact]
    public void The_usage_benchmarks_consume_inside_a_lease_and_route_a_team()
    {
        var usage = new UsageBenchmarks();
        usage.GlobalSetup();
        try
        {
            Assert.True(usage.TryConsume());
            Assert.Equal(1, usage.Interlocked_add());
        }
        finally
        {
            usage.GlobalCleanup();
        }

        var route = new TeamRouteBenchmarks();
        route.GlobalSetup();
        try
        {
            Assert.Equal("mistral:latest", route.Team().Answer.Model);
            Assert.Same(route.Team(), route.Team());
        }
        finally
        {
            route.GlobalCleanup();
        }
    }

    [Fact]
    public void The_lease_refill_benchmark_reserves_on_every_store()
    {
        var refill = new LeaseRefillBenchmarks();
        refill.GlobalSetup();
        try
        {
            Assert.Equal(1_000, refill.InMemory());
            Assert.Equal(1_000, refill.Sqlite());
            Assert.Equal(1_000, refill.Postgres());
        }
        finally
        {
            refill.GlobalCleanup();
        }
    }
}
