using ConfigResolver.Benchmarks.Resolution;

namespace ConfigResolver.Benchmarks.Tests;

/// <summary>
/// The resolution benchmarks' smoke test for CI: global setup, then each benchmark body once, untimed. Every way of reading
/// the provider must give the same checksum, and the resolve after a write must see the value just written.
/// </summary>
public sealed class ResolutionBenchmarkSmokeTests
{
    // base URL + "sk-tenant" + "gpt-4o" + two models
    private static readonly int s_expectedA = ResolutionFixture.BaseUrlA.Length + 9 + 6 + 2;
    private static readonly int s_expectedB = ResolutionFixture.BaseUrlB.Length + 9 + 6 + 2;

    [Theory]
    [InlineData(1)]
    [InlineData(10_000)]
    public void Cached_resolve_benchmarks_agree_with_the_baseline(int organizations)
    {
        var benchmark = new CachedResolveBenchmarks { Organizations = organizations };
        benchmark.GlobalSetup();
        try
        {
            Assert.Equal(s_expectedA, benchmark.Dictionary_of_settings());
            Assert.Equal(s_expectedA, benchmark.Resolve_cached());
            Assert.Equal(s_expectedA, benchmark.Resolve_cached_by_pointer());
        }
        finally
        {
            benchmark.GlobalCleanup();
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10_000)]
    public void Resolve_after_write_sees_each_write_and_the_baseline_reads_the_stored_document(int organizations)
    {
        var benchmark = new ResolveAfterWriteBenchmarks { Organizations = organizations };
        benchmark.GlobalSetup();
        try
        {
            Assert.Equal(s_expectedA, benchmark.Parse_stored_json());
            Assert.Equal([s_expectedB, s_expectedA, s_expectedB], new[] { benchmark.Write_then_resolve(), benchmark.Write_then_resolve(), benchmark.Write_then_resolve() });
            Assert.Equal(0, benchmark.Write_only());
            Assert.Equal(s_expectedB, benchmark.Write_then_resolve());
        }
        finally
        {
            benchmark.GlobalCleanup();
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10_000)]
    public void Completion_route_benchmarks_agree_with_the_baseline(int organizations)
    {
        var benchmark = new CompletionRouteBenchmarks { Organizations = organizations };
        benchmark.GlobalSetup();
        try
        {
            // openai + gpt-4o-mini + https://api.openai.com/v1 + sk-tenant; the requested gpt-4o is one character shorter.
            var expected = CompletionRouteBenchmarks.Checksum("openai", "gpt-4o-mini", "https://api.openai.com/v1", "sk-tenant".Length);
            Assert.Equal(expected, benchmark.Dictionary_of_answers());
            Assert.Equal(expected, benchmark.Route_cached());
            Assert.Equal(expected, benchmark.Route_computed());
            Assert.Equal(expected - "-mini".Length, benchmark.Route_cached_requested());
        }
        finally
        {
            benchmark.GlobalCleanup();
        }
    }
}
