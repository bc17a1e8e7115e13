using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ConfigResolver.Hosting;

/// <summary>
/// Change feed connected: the store's own feed health (PostgreSQL listener, SQLite/LiteDB poll). Down for less than
/// <see cref="HealthSettings.FeedDownTolerance"/> is degraded (reads work; other instances' writes may be missed), longer
/// is unhealthy. The tolerance is read through <see cref="IOptionsMonitor{TOptions}"/> on every check.
/// </summary>
internal sealed class ChangeFeedHealthCheck(ConfigResolverRuntime runtime, IOptionsMonitor<ConfigResolverOptions> options, TimeProvider timeProvider) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (runtime.TryState is null)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("not started"));
        }

        var health = runtime.FeedHealth;
        var data = new Dictionary<string, object> { ["since"] = health.Since, ["revision"] = runtime.Store.PublishedRevision };
        if (health.IsUp)
        {
            return Task.FromResult(HealthCheckResult.Healthy("connected", data));
        }

        var down = timeProvider.GetUtcNow() - health.Since;
        var message = $"down since {health.Since:O}: {health.LastError}";
        return Task.FromResult(down < options.CurrentValue.Health.FeedDownTolerance
            ? HealthCheckResult.Degraded(message, data: data)
            : HealthCheckResult.Unhealthy(message, data: data));
    }
}
