using ConfigResolver.Benchmarks.Policy;

namespace ConfigResolver.Benchmarks.Tests;

/// <summary>
/// The benchmark job's smoke test for CI: every scenario's global setup runs (it checks every decision of
/// requests.jsonl against expected.txt, through the indexed and the cached paths) and every benchmark body runs
/// once. Timing is not measured here.
/// </summary>
public sealed class BenchmarkSmokeTests
{
    public static TheoryData<string, string> Scenarios()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in typeof(ScenarioBenchmarks).Assembly.GetTypes().Where(static t => !t.IsAbstract && t.IsSubclassOf(typeof(ScenarioBenchmarks))))
        {
            var instance = (ScenarioBenchmarks)Activator.CreateInstance(type)!;
            foreach (var scenario in instance.ScenarioNames)
            {
                data.Add(type.Name, scenario);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Scenario_benchmark_sets_up_against_expected_decisions_and_runs_once(string benchmarkClass, string scenario)
    {
        var type = typeof(ScenarioBenchmarks).Assembly.GetTypes().Single(t => t.Name == benchmarkClass);
        var benchmark = (ScenarioBenchmarks)Activator.CreateInstance(type)!;
        benchmark.Scenario = scenario;
        benchmark.GlobalSetup();

        var loaded = BenchScenario.Load(scenario);
        var expectedAllowedInMix = loaded.Expected.Count(static e => e);
        Assert.Equal(expectedAllowedInMix, benchmark.Mix_Uncached());
        Assert.Equal(expectedAllowedInMix, benchmark.Mix_Cached());
        Assert.Equal(2 * 8 * expectedAllowedInMix, benchmark.Mix_Cached_TwoThreads());
        var benchAllowed = benchmark.Bench_Uncached();
        Assert.Equal(benchAllowed, benchmark.Bench_Cached());
        Assert.Equal(benchAllowed, benchmark.Bench_Scan());
    }

    [Fact]
    public void Every_shared_scenario_folder_has_a_benchmark_class()
    {
        var covered = Scenarios().Select(static row => (string)row[1]).ToHashSet(StringComparer.Ordinal);
        var missing = BenchScenario.Names.Where(n => !covered.Contains(n)).ToList();
        Assert.True(missing.Count == 0, $"scenarios without a benchmark class: {string.Join(", ", missing)}");
    }
}
