using ConfigResolver.Benchmarks.Stores;

namespace ConfigResolver.Benchmarks.Tests;

/// <summary>The PostgreSQL benchmark's setup runs against a throwaway server (it checks its own answers) and each body runs; untimed.</summary>
public sealed class PostgresBenchmarkSmokeTests
{
    [Fact]
    public void Postgres_store_benchmark_sets_up_and_every_body_answers()
    {
        var benchmark = new PostgresStoreBenchmarks();
        benchmark.GlobalSetup();
        try
        {
            Assert.Equal("d42", benchmark.Resolve_miss());
            Assert.Equal("d42", benchmark.Resolve_cached());
            Assert.True(benchmark.Check_cached());
            Assert.True(benchmark.Check_uncached());
        }
        finally
        {
            benchmark.GlobalCleanup();
        }
    }
}
