using BenchmarkDotNet.Attributes;
using ConfigResolver.Policy;

namespace ConfigResolver.Benchmarks.Policy;

/// <summary>Time and allocations to load and compile a scenario's model and policy in a warm process.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class LoadBenchmarks
{
    [Params("rbac-large", "rbac-sizes-large", "multitenant", "rbac-medium", "abac-rule")]
    public string Scenario { get; set; } = string.Empty;

    private BenchScenario _scenario = null!;

    [GlobalSetup]
    public void GlobalSetup() => _scenario = BenchScenario.Load(Scenario);

    [Benchmark]
    public long Load() => new Enforcer(_scenario.ModelPath, _scenario.PolicyPath).Revision;
}
