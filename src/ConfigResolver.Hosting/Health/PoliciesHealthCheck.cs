using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ConfigResolver.Hosting;

/// <summary>
/// Policies loaded: healthy when the serving policy compiled (and passed its tests); degraded when the last reload was
/// rejected (the previous policy keeps answering); unhealthy before start. Healthy with no policy source configured.
/// </summary>
internal sealed class PoliciesHealthCheck(ConfigResolverRuntime runtime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (runtime.TryState is not { } state)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("not started"));
        }

        if (state.Authorization is not { } authorization)
        {
            return Task.FromResult(HealthCheckResult.Healthy("no policy source configured"));
        }

        var status = authorization.Status;
        var data = new Dictionary<string, object> { ["revision"] = status.Revision, ["last_successful_reload"] = status.LastSuccessfulReload };
        if (status.LastReloadFailed)
        {
            data["errors"] = status.LastErrors.Length;
            return Task.FromResult(HealthCheckResult.Degraded(
                $"the last reload was rejected ({status.LastErrors[0].Code}); revision {status.Revision} keeps answering", data: data));
        }

        return Task.FromResult(HealthCheckResult.Healthy($"revision {status.Revision} loaded", data));
    }
}
