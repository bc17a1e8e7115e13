using System.Globalization;
using BenchmarkDotNet.Attributes;
using ConfigResolver.Policy;

namespace ConfigResolver.Benchmarks.Policy;

/// <summary>
/// Issue 12: one applied change must not cost a rebuild. Each benchmark applies <see cref="PerIteration"/> changes of one
/// kind, one snapshot each, to the <c>rbac-large</c> (110,000 rules: 10,000 p, 100,000 g without domains) or
/// <c>multitenant</c> (54,162 rules, g with domains) scenario, and reports the time per change. Removals take rules and
/// links of the loaded policy from its first half (the worst case for renumbering index positions); additions add fresh
/// ones. The burst applies 1,000 link changes (500 removals, 500 additions) as one batch, one snapshot. Removal rows
/// put the rules and links they took back (one batch, outside the measurement) before each iteration, so every measured
/// removal removes something.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class IncrementalApplyBenchmarks
{
    private const int PerIteration = 50;

    private Enforcer _enforcer = null!;
    private string[][] _rules = [];
    private string[][] _links = [];
    private int _nextRule;
    private int _nextLink;
    private int _fresh;
    private readonly List<string[]> _takenRules = [];
    private readonly List<string[]> _takenLinks = [];

    [Params("rbac-large", "multitenant")]
    public string Scenario { get; set; } = "rbac-large";

    [GlobalSetup]
    public void GlobalSetup()
    {
        _enforcer = BenchScenario.Load(Scenario).CreateVerifiedEnforcer();
        _rules = [.. _enforcer.GetPolicy().Select(static r => r.ToArray())];
        _links = [.. _enforcer.GetGroupingPolicy().Where(static l => l[0].StartsWith("user", StringComparison.Ordinal)).Select(static l => l.ToArray())];

        // The first link change builds each role graph's reverse links once (carried forward from then on).
        _enforcer.AddGroupingPolicy(FreshLink());
    }

    /// <summary>Puts back what the previous removal iteration took, as one batch (not measured).</summary>
    [IterationSetup(Targets = [nameof(RemoveRule), nameof(RemoveLink), nameof(Burst)])]
    public void PutBack()
    {
        if (_takenRules.Count + _takenLinks.Count == 0)
        {
            return;
        }

        var batch = new PolicyChangeBatch();
        foreach (var rule in _takenRules)
        {
            batch.Add("p", rule);
        }

        foreach (var link in _takenLinks)
        {
            batch.Add("g", link);
        }

        _enforcer.Apply(batch);
        _takenRules.Clear();
        _takenLinks.Clear();
    }

    [Benchmark(OperationsPerInvoke = PerIteration, Description = "add rule")]
    public long AddRule()
    {
        for (var i = 0; i < PerIteration; i++)
        {
            _enforcer.AddPolicy(FreshRule());
        }

        return _enforcer.Revision;
    }

    [Benchmark(OperationsPerInvoke = PerIteration, Description = "remove rule")]
    public long RemoveRule()
    {
        for (var i = 0; i < PerIteration; i++)
        {
            var rule = _rules[_nextRule++ % (_rules.Length / 2)];
            if (!_enforcer.RemovePolicy(rule))
            {
                throw new InvalidOperationException("a measured removal must remove a rule");
            }

            _takenRules.Add(rule);
        }

        return _enforcer.Revision;
    }

    [Benchmark(OperationsPerInvoke = PerIteration, Description = "add role link")]
    public long AddLink()
    {
        for (var i = 0; i < PerIteration; i++)
        {
            _enforcer.AddGroupingPolicy(FreshLink());
        }

        return _enforcer.Revision;
    }

    [Benchmark(OperationsPerInvoke = PerIteration, Description = "remove role link")]
    public long RemoveLink()
    {
        for (var i = 0; i < PerIteration; i++)
        {
            var link = _links[_nextLink++ % (_links.Length / 2)];
            if (!_enforcer.RemoveGroupingPolicy(link))
            {
                throw new InvalidOperationException("a measured removal must remove a link");
            }

            _takenLinks.Add(link);
        }

        return _enforcer.Revision;
    }

    [Benchmark(Description = "burst: 1,000 link changes, one batch")]
    public long Burst()
    {
        var batch = new PolicyChangeBatch();
        for (var i = 0; i < 500; i++)
        {
            var link = _links[_nextLink++ % (_links.Length / 2)];
            _takenLinks.Add(link);
            batch.Remove("g", link).Add("g", FreshLink());
        }

        var before = _enforcer.Revision;
        _enforcer.Apply(batch);
        return _enforcer.Revision - before == 1 ? _enforcer.Revision : throw new InvalidOperationException("a batch must publish one snapshot");
    }

    /// <summary>Times each kind of change for development (<c>apply-probe</c>): median ms and KB allocated per change.</summary>
    public static void Probe(int count)
    {
        foreach (var scenario in new[] { "rbac-large", "multitenant" })
        {
            var bench = new IncrementalApplyBenchmarks { Scenario = scenario };
            bench.GlobalSetup();
            foreach (var (name, run) in new (string, Func<long>)[] { ("add rule", bench.AddRule), ("remove rule", bench.RemoveRule), ("add link", bench.AddLink), ("remove link", bench.RemoveLink) })
            {
                var times = new List<double>();
                var bytes = 0L;
                for (var i = 0; i < count; i++)
                {
                    bench.PutBack();
                    var allocated = GC.GetAllocatedBytesForCurrentThread();
                    var watch = System.Diagnostics.Stopwatch.StartNew();
                    run();
                    times.Add(watch.Elapsed.TotalMilliseconds / PerIteration);
                    bytes += GC.GetAllocatedBytesForCurrentThread() - allocated;
                }

                times.Sort();
                Console.WriteLine($"{scenario,-12} {name,-12} median {times[times.Count / 2]:F3} ms  p90 {times[times.Count * 9 / 10]:F3} ms  {bytes / 1024.0 / count / PerIteration:F1} KB per change");
            }
        }
    }

    private string[] FreshRule()
    {
        var n = (_fresh++).ToString(CultureInfo.InvariantCulture);
        // Fresh rules spread over the organizations (multitenant) or objects (rbac-large), as real additions do: one index
        // group's position list is copied when it grows, so piling every addition into one group measures that group's size.
        return Scenario == "multitenant"
            ? ["bench-role" + n, "org-" + (_fresh % 1000).ToString("D4", CultureInfo.InvariantCulture), "agents", "read"]
            : ["bench-group" + n, "data" + n, "read"];
    }

    private string[] FreshLink()
    {
        var n = _fresh++;
        var name = "bench-user" + n.ToString(CultureInfo.InvariantCulture);
        return Scenario == "multitenant"
            ? [name, "member", "org-" + (n % 1000).ToString("D4", CultureInfo.InvariantCulture)]
            : [name, "group" + (n % 10_000).ToString(CultureInfo.InvariantCulture)];
    }
}
