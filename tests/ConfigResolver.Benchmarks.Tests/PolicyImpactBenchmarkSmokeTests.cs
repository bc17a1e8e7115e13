using ConfigResolver.Benchmarks.Authorization;

namespace ConfigResolver.Benchmarks.Tests;

/// <summary>The impact benchmark's scenario: every member-role member of every organization loses agents:write, and both bodies agree; untimed.</summary>
public sealed class PolicyImpactBenchmarkSmokeTests
{
    [Fact]
    public void Impact_benchmark_finds_every_member_losing_agents_write_in_1000_organizations()
    {
        var benchmark = new PolicyImpactBenchmarks();
        benchmark.GlobalSetup();

        var analyzer = benchmark.Analyzer();

        Assert.Equal(benchmark.MemberRoleCount, analyzer.Principals);
        Assert.All(analyzer.Changes, static c => Assert.Equal(("agents:write", false), (c.Action, c.AllowedAfter)));
        Assert.Equal(analyzer.Changes.Length, benchmark.Sequential());
    }
}
