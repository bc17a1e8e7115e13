using ConfigResolver.Benchmarks.Policy;

namespace ConfigResolver.Benchmarks.Tests;

/// <summary>The regex engine benchmarks' smoke test: every engine gives the same answer on the benchmark's inputs.</summary>
public sealed class RegexEngineBenchmarkSmokeTests
{
    [Fact]
    public void Every_engine_agrees_with_the_backtracking_baseline()
    {
        var benchmark = new RegexEngineBenchmarks();
        benchmark.Setup();

        Assert.True(benchmark.IsMatch_Backtracking());
        Assert.Equal(benchmark.IsMatch_Backtracking(), benchmark.IsMatch_Automaton());
        Assert.Equal(benchmark.WordBoundary_Backtracking(), benchmark.WordBoundary_PikeVm());
        Assert.Equal("abc-42", benchmark.Submatch_Backtracking());
        Assert.Equal(benchmark.Submatch_Backtracking(), benchmark.Submatch_PikeVm());
    }
}
