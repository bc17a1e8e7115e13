using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ConfigResolver.Hosting.Tests;

public sealed class HealthAndMetricsTests
{
    [Fact]
    public async Task Health_is_unhealthy_before_start_and_healthy_once_started()
    {
        using var host = HostFactory.InMemory(b => b.AddAuthorization(p => p.FromDirectory(HostFactory.ShippedPolicies, watch: false)));
        var health = host.Services.GetRequiredService<HealthCheckService>();

        var before = await health.CheckHealthAsync();
        await host.StartAsync();
        var after = await health.CheckHealthAsync();

        Assert.Equal(HealthStatus.Unhealthy, before.Status);
        Assert.Equal(HealthStatus.Healthy, after.Status);
        Assert.Equal(
            ["configresolver_change_feed", "configresolver_policies", "configresolver_store"],
            after.Entries.Keys.Order(StringComparer.Ordinal));
        await host.StopAsync();
    }

    [Fact]
    public async Task A_rejected_reload_is_counted_as_failed_and_degrades_the_policy_check()
    {
        var directory = CopyOfShippedPolicies();
        try
        {
            using var host = HostFactory.InMemory(b => b.AddAuthorization(p => p.FromDirectory(directory, watch: false)));
            await host.StartAsync();
            var runtime = host.Services.GetRequiredService<ConfigResolverRuntime>();
            var counted = new List<(long Value, string? Result)>();
            using var listener = new MeterListener
            {
                InstrumentPublished = (i, l) =>
                {
                    if (i.Meter.Name == ConfigResolverTelemetryNames.Meter && i.Name == "configresolver.policy.reloads")
                    {
                        l.EnableMeasurementEvents(i);
                    }
                },
            };
            listener.SetMeasurementEventCallback<long>((_, value, tags, _) => counted.Add((value, tags.ToArray().Single(t => t.Key == "result").Value as string)));
            listener.Start();

            File.WriteAllText(Path.Combine(directory, "roles.yaml"), "kind: Roles\nnot valid: [\n");
            var result = await runtime.Authorization!.ReloadAsync();
            var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

            Assert.False(result.Succeeded);
            Assert.Contains((1L, (string?)"failed"), counted);
            Assert.Equal(HealthStatus.Degraded, health.Entries["configresolver_policies"].Status);
            Assert.Equal(HealthStatus.Degraded, health.Status);
            await host.StopAsync();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Change_feed_gauges_report_the_published_revision_and_no_lag_once_applied()
    {
        using var host = HostFactory.InMemory(b => b.AddAuthorization(p => p.FromDirectory(HostFactory.ShippedPolicies, watch: false)));
        await host.StartAsync();
        var runtime = host.Services.GetRequiredService<ConfigResolverRuntime>();
        await Seed.AcmeAsync(runtime.Administration);
        await runtime.Authorization!.WhenChangesAppliedAsync();
        var gauges = new Dictionary<string, long>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (i, l) =>
            {
                if (i.Meter.Name == ConfigResolverTelemetryNames.Meter && i.Name.StartsWith("configresolver.change_feed.", StringComparison.Ordinal))
                {
                    l.EnableMeasurementEvents(i);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((i, value, _, _) => gauges[i.Name] = value);
        listener.SetMeasurementEventCallback<int>((i, value, _, _) => gauges[i.Name] = value);
        listener.Start();

        listener.RecordObservableInstruments();

        Assert.Equal(runtime.Store.PublishedRevision, gauges["configresolver.change_feed.revision"]);
        Assert.True(gauges["configresolver.change_feed.revision"] >= 5);
        Assert.Equal(0, gauges["configresolver.change_feed.lag"]);
        Assert.Equal(1, gauges["configresolver.change_feed.up"]);
        await host.StopAsync();
    }

    private static string CopyOfShippedPolicies()
    {
        var target = Directory.CreateTempSubdirectory("cfgr-hosting-policies-").FullName;
        foreach (var file in Directory.EnumerateFiles(HostFactory.ShippedPolicies, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(HostFactory.ShippedPolicies, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }
}
