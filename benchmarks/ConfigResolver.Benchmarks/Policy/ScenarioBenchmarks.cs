using BenchmarkDotNet.Attributes;
using ConfigResolver.Policy;

namespace ConfigResolver.Benchmarks.Policy;

/// <summary>
/// Per scenario of the bench data (testdata/bench): the Go benchmark's request(s) and the whole request mix, uncached and
/// cached, and the cached mix on two threads. The baseline is what Casbin does: scan every rule, no cache.
/// Global setup verifies every decision of requests.jsonl against expected.txt.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public abstract class ScenarioBenchmarks
{
    private BenchScenario _scenario = null!;
    private Enforcer _scan = null!;
    private Enforcer _uncached = null!;
    private Enforcer _cached = null!;
    private bool _strings;
    private string[][] _benchStrings = [];
    private string[][] _mixStrings = [];

    /// <summary>The scenarios this class runs (one non-virtual member, as BenchmarkDotNet's parameter source).</summary>
    public IEnumerable<string> ScenarioNames => Scenarios();

    [ParamsSource(nameof(ScenarioNames))]
    public string Scenario { get; set; } = string.Empty;

    [GlobalSetup]
    public void GlobalSetup()
    {
        _scenario = BenchScenario.Load(Scenario);
        _uncached = _scenario.CreateVerifiedEnforcer();
        _uncached.EnableCache(false);
        _cached = _scenario.CreateVerifiedEnforcer();
        _scan = new Enforcer(_scenario.ModelPath, _scenario.PolicyPath);
        _scan.EnableCache(false);
        _scan.EnableIndex(false);
        _strings = _scenario.Requests.All(static r => r.All(static v => v is string));

        // String requests are kept as string arrays and the 34 bench decisions unrolled over them, so the loop
        // measures the engine, not casts and modulo arithmetic.
        if (_strings)
        {
            _mixStrings = [.. _scenario.Requests.Select(static r => r.Cast<string>().ToArray())];
            _benchStrings = [.. Enumerable.Range(0, BenchDecisions).Select(i => _scenario.BenchRequests[i % _scenario.BenchRequests.Length].Cast<string>().ToArray())];
        }
        Warm(_cached, _scenario.Requests);
    }

    // Go's benchmark request(s): 1, 2 or 17 of them, cycled; 34 decisions per invocation so ns/op is per decision.
    private const int BenchDecisions = 34;

    /// <summary>Casbin's way: every rule evaluated in order, no cache (Go's benchmark request).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = BenchDecisions)]
    public int Bench_Scan() => Cycle(_scan);

    [Benchmark(OperationsPerInvoke = BenchDecisions)]
    public int Bench_Uncached() => Cycle(_uncached);

    [Benchmark(OperationsPerInvoke = BenchDecisions)]
    public int Bench_Cached() => Cycle(_cached);

    [Benchmark(OperationsPerInvoke = 4000)]
    public int Mix_Uncached() => Run(_uncached, _scenario.Requests);

    [Benchmark(OperationsPerInvoke = 4000)]
    public int Mix_Cached() => Run(_cached, _scenario.Requests);

    /// <summary>Both cores deciding the cached mix at once; ns/op is per decision across both threads.</summary>
    [Benchmark(OperationsPerInvoke = 2 * 4000 * 8)]
    public int Mix_Cached_TwoThreads()
    {
        var counts = new int[2];
        Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, t =>
        {
            for (var round = 0; round < 8; round++)
            {
                counts[t] += Run(_cached, _scenario.Requests);
            }
        });
        return counts[0] + counts[1];
    }

    private int Cycle(Enforcer enforcer)
    {
        if (_strings)
        {
            return Strings(enforcer, _benchStrings);
        }

        var requests = _scenario.BenchRequests;
        var allowed = 0;
        for (var i = 0; i < BenchDecisions; i++)
        {
            if (enforcer.Enforce(requests[i % requests.Length]))
            {
                allowed++;
            }
        }

        return allowed;
    }

    private int Run(Enforcer enforcer, object?[][] requests)
    {
        if (_strings && ReferenceEquals(requests, _scenario.Requests))
        {
            return Strings(enforcer, _mixStrings);
        }

        var allowed = 0;
        foreach (var request in requests)
        {
            if (enforcer.Enforce(request))
            {
                allowed++;
            }
        }

        return allowed;
    }

    private static int Strings(Enforcer enforcer, string[][] requests)
    {
        var allowed = 0;
        foreach (var r in requests)
        {
            var ok = r.Length switch
            {
                3 => enforcer.Enforce(r[0], r[1], r[2]),
                4 => enforcer.Enforce(r[0], r[1], r[2], r[3]),
                2 => enforcer.Enforce(r[0], r[1]),
                _ => enforcer.Enforce([.. r]),
            };
            if (ok)
            {
                allowed++;
            }
        }

        return allowed;
    }

    /// <summary>The scenarios of the derived class.</summary>
    protected abstract IEnumerable<string> Scenarios();

    private void Warm(Enforcer enforcer, object?[][] requests) => Run(enforcer, requests);
}

public class AclBenchmarks : ScenarioBenchmarks
{
    protected override IEnumerable<string> Scenarios() => ["acl"];
}

public class RbacBenchmarks : ScenarioBenchmarks
{
    protected override IEnumerable<string> Scenarios() => ["rbac", "rbac-small", "rbac-medium", "rbac-large"];
}

public class RbacSizesBenchmarks : ScenarioBenchmarks
{
    protected override IEnumerable<string> Scenarios() => ["rbac-sizes-small", "rbac-sizes-medium", "rbac-sizes-large"];
}

public class RbacResourceRolesBenchmarks : ScenarioBenchmarks
{
    protected override IEnumerable<string> Scenarios() => ["rbac-resource-roles"];
}

public class RbacDomainsBenchmarks : ScenarioBenchmarks
{
    protected override IEnumerable<string> Scenarios() => ["rbac-domains"];
}

public class MultitenantBenchmarks : ScenarioBenchmarks
{
    protected override IEnumerable<string> Scenarios() => ["multitenant"];
}

public class RestfulKeyMatchBenchmarks : ScenarioBenchmarks
{
    protected override IEnumerable<string> Scenarios() => ["restful-keymatch"];
}

public class AbacBenchmarks : ScenarioBenchmarks
{
    protected override IEnumerable<string> Scenarios() => ["abac", "abac-rule"];
}

public class DenyOverrideBenchmarks : ScenarioBenchmarks
{
    protected override IEnumerable<string> Scenarios() => ["deny-override"];
}

public class PriorityBenchmarks : ScenarioBenchmarks
{
    protected override IEnumerable<string> Scenarios() => ["priority"];
}
