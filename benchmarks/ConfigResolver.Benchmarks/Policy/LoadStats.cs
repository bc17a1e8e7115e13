using System.Diagnostics;
using ConfigResolver.Policy;

namespace ConfigResolver.Benchmarks.Policy;

/// <summary>
/// Cold start and retained managed heap per scenario, each in a fresh process (<c>load-stats</c>): the time from
/// process start to a loaded, compiled enforcer, the time of the load call itself, and the managed heap it keeps.
/// </summary>
internal static class LoadStats
{
    public static void RunAll(IEnumerable<string> names)
    {
        Console.WriteLine("| scenario | process start to loaded (ms) | load call, cold (ms) | load call, warm (ms) | retained managed heap (MB) |");
        Console.WriteLine("|---|---|---|---|---|");
        var self = Environment.ProcessPath!;
        var dll = typeof(LoadStats).Assembly.Location;
        foreach (var name in names)
        {
            var info = new ProcessStartInfo(self) { RedirectStandardOutput = true };
            if (Path.GetFileNameWithoutExtension(self) == "dotnet")
            {
                info.ArgumentList.Add(dll);
            }

            info.ArgumentList.Add("load-one");
            info.ArgumentList.Add(name);
            using var process = Process.Start(info)!;
            Console.WriteLine(process.StandardOutput.ReadToEnd().Trim());
            process.WaitForExit();
        }
    }

    public static void RunOne(string name)
    {
        var scenario = BenchScenario.Load(name);
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var sw = Stopwatch.StartNew();
        var enforcer = new Enforcer(scenario.ModelPath, scenario.PolicyPath);
        var cold = sw.Elapsed.TotalMilliseconds;
        var sinceStart = (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds;
        var retained = (GC.GetTotalMemory(forceFullCollection: true) - before) / (1024.0 * 1024.0);
        GC.KeepAlive(enforcer);
        sw.Restart();
        var again = new Enforcer(scenario.ModelPath, scenario.PolicyPath);
        var warm = sw.Elapsed.TotalMilliseconds;
        GC.KeepAlive(again);
        Console.WriteLine($"| {name} | {sinceStart:F0} | {cold:F0} | {warm:F0} | {retained:F1} |");
    }
}
