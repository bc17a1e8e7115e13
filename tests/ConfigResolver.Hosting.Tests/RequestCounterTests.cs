using System.Diagnostics;
using System.Diagnostics.Metrics;
using ConfigResolver.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace ConfigResolver.Hosting.Tests;

public sealed class RequestCounterTests
{
    [Fact]
    public async Task Decisions_are_counted_by_result_and_resolves_by_cache_outcome_with_a_trace_for_each_miss()
    {
        using var host = HostFactory.InMemory(b => b.AddAuthorization(p => p.FromDirectory(HostFactory.ShippedPolicies, watch: false)));
        await host.StartAsync();
        var runtime = host.Services.GetRequiredService<ConfigResolverRuntime>();
        var (alice, victor) = await Seed.AcmeAsync(runtime.Administration);
        await runtime.Authorization!.WhenChangesAppliedAsync();
        var meter = host.Services.GetRequiredService<ConfigResolverTelemetry>();
        var traced = new List<string>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = s => s.Name == ConfigResolverTelemetryNames.ActivitySource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = a => traced.Add(a.OperationName),
        };
        ActivitySource.AddActivityListener(activities);
        var checker = host.Services.GetRequiredService<IAuthorizationChecker>();
        var resolver = host.Services.GetRequiredService<ITenantConfigResolver>();

        checker.Check(Principal.ForUser(alice.Id), "acme", "agents:delete");
        checker.Check(Principal.ForUser(alice.Id), "acme", "agents:delete");
        checker.Check(Principal.ForUser(victor.Id), "acme", "agents:delete");
        await resolver.ResolveAsync("acme", "default");
        await resolver.ResolveAsync("acme", "default");
        var counts = Collect(meter);

        Assert.Equal(2, counts["configresolver.decisions/allowed"]);
        Assert.Equal(1, counts["configresolver.decisions/denied"]);
        // The authorization facts may already have resolved acme (a hit then); the second call is always a hit, and
        // every miss, and only a miss, is traced.
        Assert.Equal(2, counts["configresolver.resolve.requests/hit"] + counts["configresolver.resolve.requests/miss"]);
        Assert.True(counts["configresolver.resolve.requests/hit"] >= 1);
        Assert.Equal(counts["configresolver.resolve.requests/miss"], traced.Count(static t => t == "ConfigResolver.Resolve"));
        await host.StopAsync();
    }

    private static Dictionary<string, long> Collect(ConfigResolverTelemetry telemetry)
    {
        var counts = new Dictionary<string, long>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (i, l) =>
            {
                if (i.Name is "configresolver.decisions" or "configresolver.resolve.requests" && telemetry.Owns(i))
                {
                    l.EnableMeasurementEvents(i);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((i, value, tags, _) => counts[$"{i.Name}/{tags[0].Value}"] = value);
        listener.Start();
        listener.RecordObservableInstruments();
        return counts;
    }
}
