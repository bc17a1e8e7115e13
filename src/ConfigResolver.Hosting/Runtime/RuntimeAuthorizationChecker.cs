using ConfigResolver.Authorization;

namespace ConfigResolver.Hosting;

/// <summary><see cref="IAuthorizationChecker"/> over the started host's authorization service; counts decisions by result.</summary>
internal sealed class RuntimeAuthorizationChecker(ConfigResolverRuntime runtime, ConfigResolverTelemetry telemetry) : IAuthorizationChecker
{
    private readonly RequestCounters _counters = telemetry.Counters;

    public Decision Check(Principal principal, string organization, string action, string? resource = null, CheckContext? context = null)
    {
        var service = runtime.State.Authorization ?? throw new InvalidOperationException(
            "ConfigResolver has no policies: call AddAuthorization(p => p.FromDirectory(dir)) on the builder, or set ConfigResolver:Policies:Source.");
        var decision = service.Check(principal, organization, action, resource, context);
        (decision.Allowed ? _counters.Allowed : _counters.Denied).Increment();
        return decision;
    }
}
