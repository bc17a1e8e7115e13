using System.Diagnostics;
using System.Diagnostics.Metrics;
using ConfigResolver.Authorization;

namespace ConfigResolver.Hosting;

/// <summary>
/// What the request path counts, published as observable counters (read only when a listener collects):
/// <c>configresolver.decisions</c> by result (allowed/denied) and <c>configresolver.resolve.requests</c> by cache
/// (hit: answered from the resolver's snapshot cache without waiting; miss: read the store and built a snapshot).
/// A resolve miss is also traced as an activity <c>ConfigResolver.Resolve</c> on the <c>ConfigResolver</c> source.
/// </summary>
internal sealed class RequestCounters
{
    public static ActivitySource Source => AuthorizationActivities.Source;

    private static readonly KeyValuePair<string, object?> s_allowed = new("result", "allowed");
    private static readonly KeyValuePair<string, object?> s_denied = new("result", "denied");
    private static readonly KeyValuePair<string, object?> s_hit = new("cache", "hit");
    private static readonly KeyValuePair<string, object?> s_miss = new("cache", "miss");

    public StripedCounter Allowed { get; } = new();

    public StripedCounter Denied { get; } = new();

    public StripedCounter ResolveHits { get; } = new();

    public StripedCounter ResolveMisses { get; } = new();

    public void Publish(Meter meter)
    {
        meter.CreateObservableCounter("configresolver.decisions", () => new[]
        {
            new Measurement<long>(Allowed.Total, s_allowed),
            new Measurement<long>(Denied.Total, s_denied),
        }, "{decision}", "Authorization decisions made through IAuthorizationChecker, by result.");
        meter.CreateObservableCounter("configresolver.resolve.requests", () => new[]
        {
            new Measurement<long>(ResolveHits.Total, s_hit),
            new Measurement<long>(ResolveMisses.Total, s_miss),
        }, "{request}", "Resolutions through ITenantConfigResolver, by cache outcome (a miss reads the store).");
    }
}
