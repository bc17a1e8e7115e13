using System.Diagnostics;
using ConfigResolver.Policy;

namespace ConfigResolver.Benchmarks.Policy;

/// <summary>
/// A quick stopwatch pass over every scenario for development (<c>dotnet run -c Release -- quick</c>). Not the
/// measurement of record: BenchmarkDotNet results go in RESULTS.md.
/// </summary>
internal static class QuickTiming
{
    public static void Run(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            var scenario = BenchScenario.Load(name);
            var sw = Stopwatch.StartNew();
            var enforcer = scenario.CreateVerifiedEnforcer();
            var setup = sw.Elapsed;
            enforcer.EnableCache(false);
            var uncached = PerRequest(enforcer, scenario.Requests);
            enforcer.EnableCache(true);
            var cached = PerRequest(enforcer, scenario.Requests);
            Console.WriteLine($"{name,-22} load+verify {setup.TotalMilliseconds,8:F1} ms  uncached mix {uncached,9:F1} ns  cached mix {cached,7:F1} ns  ({enforcer.Snapshot.IndexDescription})");
        }
    }

    /// <summary>Runs one scenario's mix for ten seconds, for a profiler to sample.</summary>
    public static void Spin(string name, bool cached)
    {
        var scenario = BenchScenario.Load(name);
        var enforcer = scenario.CreateVerifiedEnforcer();
        enforcer.EnableCache(cached);
        var strings = scenario.Requests.All(static r => r.All(static v => v is string));
        var sw = Stopwatch.StartNew();
        while (sw.ElapsedMilliseconds < 10_000)
        {
            Loop(enforcer, scenario.Requests, strings, 1);
        }
    }

    private static double PerRequest(Enforcer enforcer, object?[][] requests)
    {
        var strings = requests.All(static r => r.All(static v => v is string));
        var rounds = Math.Max(1, 400_000 / requests.Length);

        // Warm up long enough for tiered compilation to reach its optimized tier.
        var warmup = Stopwatch.StartNew();
        while (warmup.ElapsedMilliseconds < 1500)
        {
            Loop(enforcer, requests, strings, 1);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var start = ThreadCpuClock.NowNanoseconds();
        Loop(enforcer, requests, strings, rounds);
        var ns = (ThreadCpuClock.NowNanoseconds() - start) / (rounds * (double)requests.Length);
        var bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (rounds * (double)requests.Length);
        Console.Write($"[{bytes:F1} B/op] ");
        return ns;
    }

    private static void Loop(Enforcer enforcer, object?[][] requests, bool strings, int rounds)
    {
        for (var round = 0; round < rounds; round++)
        {
            foreach (var r in requests)
            {
                _ = strings ? EnforceStrings(enforcer, r) : enforcer.Enforce(r);
            }
        }
    }

    internal static bool EnforceStrings(Enforcer enforcer, object?[] r) => r.Length switch
    {
        2 => enforcer.Enforce((string)r[0]!, (string)r[1]!),
        3 => enforcer.Enforce((string)r[0]!, (string)r[1]!, (string)r[2]!),
        4 => enforcer.Enforce((string)r[0]!, (string)r[1]!, (string)r[2]!, (string)r[3]!),
        _ => enforcer.Enforce(r),
    };
}
