using System.Globalization;
using BenchmarkDotNet.Attributes;
using ConfigResolver.Policy;

namespace ConfigResolver.Benchmarks.Policy;

/// <summary>
/// Issue 12: one applied change must not cost a rebuild. Each benchmark applies <see cref="PerIteration"/> changes of one
/// kind, one snapshot each, to the <c>rbac-large</c> (110,000 rules: 10,000 p, 100,000 g without domains) or
/// <c>multitenant</c> (54,162 rules, g with domains) scenario, and reports the time per change. Removals take rules and
/// links of the loaded policy from its first half (the worst case for renumbering index positions); additions add fresh
/// ones. The burst applies 1,000 link changes (500 removals, 500 additions) as one batch, one snapshot.
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
            _enforcer.RemovePolicy(_rules[_nextRule++ % (_rules.Length / 2)]);
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
            _enforcer.RemoveGroupingPolicy(_links[_nextLink++ % (_links.Length / 2)]);
        }

        return _enforcer.Revision;
    }

    [Benchmark(Description = "burst: 1,000 link changes, one batch")]
    public long Burst()
    {
        var batch = new PolicyChangeBatch();
        for (var i = 0; i < 500; i++)
        {
            batch.Remove("g", _links[_nextLink++ % (_links.Length / 2)]).Add("g", FreshLink());
        }

        var before = _enforcer.Revision;
        _enforcer.Apply(batch);
        return _enforcer.Revision - before == 1 ? _enforcer.Revision : throw new InvalidOperationException("a batch must publish one snapshot");
    }

    private string[] FreshRule()
    {
        var n = (_fresh++).ToString(CultureInfo.InvariantCulture);
        return Scenario == "multitenant" ? ["bench-role" + n, "org-0001", "agents", "read"] : ["bench-group" + n, "data" + n, "read"];
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
