using BenchmarkDotNet.Running;
using ConfigResolver.Benchmarks.Policy;
using ConfigResolver.Benchmarks.Propagation;

namespace ConfigResolver.Benchmarks;

internal static class Program
{
    private static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "quick")
        {
            QuickTiming.Run(args.Length > 1 ? args[1..] : BenchScenario.Names);
            return;
        }

        if (args.Length > 0 && args[0] == "load-stats")
        {
            LoadStats.RunAll(args.Length > 1 ? args[1..] : BenchScenario.Names);
            return;
        }

        if (args.Length > 1 && args[0] == "load-one")
        {
            LoadStats.RunOne(args[1]);
            return;
        }

        if (args.Length > 1 && args[0] == "propagation")
        {
            var writes = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1_000;
            PropagationHarness.RunAsync(args[1], writes).GetAwaiter().GetResult();
            return;
        }

        if (args.Length > 0 && args[0] == "membership-probe")
        {
            Authorization.MembershipChangeBenchmarks.Probe(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200);
            return;
        }

        if (args.Length > 0 && args[0] == "apply-probe")
        {
            IncrementalApplyBenchmarks.Probe(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20);
            return;
        }

        if (args.Length > 1 && args[0] == "spin")
        {
            QuickTiming.Spin(args[1], cached: args.Length > 2 && args[2] == "cached");
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
