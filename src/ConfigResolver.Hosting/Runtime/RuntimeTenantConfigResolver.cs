using ConfigResolver.Resolution;

namespace ConfigResolver.Hosting;

/// <summary>
/// <see cref="ITenantConfigResolver"/> over the started host's resolver. An answer that completes synchronously came
/// from the snapshot cache (a hit); one that has to wait read the store (a miss), which is counted and traced.
/// </summary>
internal sealed class RuntimeTenantConfigResolver(ConfigResolverRuntime runtime, ConfigResolverTelemetry telemetry) : ITenantConfigResolver
{
    private readonly RequestCounters _counters = telemetry.Counters;

    public ValueTask<TenantConfig> ResolveAsync(string organizationSlug, string? setup = null, CancellationToken cancellationToken = default) =>
        Observe(runtime.State.Resolver.ResolveAsync(organizationSlug, setup, cancellationToken), organizationSlug);

    public ValueTask<TenantConfig> ResolveForUserAsync(Guid userId, string? setup = null, CancellationToken cancellationToken = default) =>
        Observe(runtime.State.Resolver.ResolveForUserAsync(userId, setup, cancellationToken), null);

    private ValueTask<TenantConfig> Observe(ValueTask<TenantConfig> pending, string? organization)
    {
        if (pending.IsCompleted)
        {
            _counters.ResolveHits.Increment();
            return pending;
        }

        _counters.ResolveMisses.Increment();
        return TracedAsync(pending, organization);
    }

    private static async ValueTask<TenantConfig> TracedAsync(ValueTask<TenantConfig> pending, string? organization)
    {
        using var activity = RequestCounters.Source.StartActivity("ConfigResolver.Resolve");
        activity?.SetTag("configresolver.org", organization);
        var config = await pending.ConfigureAwait(false);
        activity?.SetTag("configresolver.store_revision", config.StoreRevision);
        return config;
    }
}
