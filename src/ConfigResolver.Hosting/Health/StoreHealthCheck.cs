using ConfigResolver.Diagnostics;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ConfigResolver.Hosting;

/// <summary>
/// Store reachable: one cheap read (the newest change log row) within <see cref="HealthSettings.StoreTimeout"/>. The
/// message is the store's coded diagnostic, which never carries a password.
/// </summary>
internal sealed class StoreHealthCheck(ConfigResolverRuntime runtime, IOptionsMonitor<ConfigResolverOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (runtime.TryState is not { } state)
        {
            return HealthCheckResult.Unhealthy("not started");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.CurrentValue.Health.StoreTimeout);
        try
        {
            var head = Math.Max(0, state.Store.PublishedRevision - 1);
            await state.Store.ReadChangeLogAsync(head, 1, timeout.Token).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"{state.StoreDisplay} reachable");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"{state.StoreDisplay} did not answer within {options.CurrentValue.Health.StoreTimeout.TotalSeconds:0.#} s");
        }
        catch (ConfigResolverException e)
        {
            return HealthCheckResult.Unhealthy($"{state.StoreDisplay}: {e.Diagnostics[0].Code}: {e.Diagnostics[0].Message}");
        }
    }
}
