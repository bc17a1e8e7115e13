using System.Collections.Concurrent;
using ConfigResolver.Resolution;

namespace ConfigResolver.Routing;

/// <summary>
/// The routes computed from one snapshot, keyed by requested model and provider. It hangs off the snapshot, so the
/// write that replaces the snapshot retires it; a hit is one dictionary lookup and allocates nothing.
/// </summary>
/// <remarks>
/// Bounded: requested names come from callers, so past <see cref="MaxEntries"/> routes are computed and not kept.
/// Safe for concurrent use; two threads computing the same route both produce equal results and one is kept.
/// </remarks>
internal sealed class CompletionRouteCache(TenantConfig config)
{
    public const int MaxEntries = 256;

    // Created on the first route: most snapshots never route a completion.
    private ConcurrentDictionary<(string? Model, string? Provider), CompletionRoute>? _routes;

    public CompletionRoute Get(string? model, string? provider)
    {
        var routes = Volatile.Read(ref _routes);
        if (routes is not null && routes.TryGetValue((model, provider), out var route))
        {
            return route;
        }

        route = CompletionRouter.Route(config, model, provider);
        if (routes is null)
        {
            Interlocked.CompareExchange(ref _routes, new ConcurrentDictionary<(string?, string?), CompletionRoute>(), null);
            routes = Volatile.Read(ref _routes)!;
        }

        if (routes.Count < MaxEntries)
        {
            route = routes.GetOrAdd((model, provider), route);
        }

        return route;
    }
}
