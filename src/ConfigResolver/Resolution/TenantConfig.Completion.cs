using ConfigResolver.Routing;

namespace ConfigResolver.Resolution;

public sealed partial class TenantConfig
{
    private readonly CompletionRouteCache _routes;

    /// <summary>
    /// Answers which provider, model, base URL and key a completion uses, and what it falls back to: LAMB's order over
    /// the enabled providers (the requested provider and model; the setup's global default model; the requested
    /// provider's default or first model; each enabled provider with models, in document order).
    /// </summary>
    /// <param name="requestedModel">The model the caller asked for, or null.</param>
    /// <param name="requestedProvider">The provider the caller asked for, or null.</param>
    /// <returns>The route; its first candidate is the answer.</returns>
    /// <exception cref="CompletionRouteException">No provider and model qualifies (CFG1050); the exception lists what was refused and why.</exception>
    /// <remarks>Cached on this snapshot per (model, provider): a repeated request is one lookup and allocates nothing.</remarks>
    public CompletionRoute RouteCompletion(string? requestedModel = null, string? requestedProvider = null)
    {
        var route = _routes.Get(requestedModel, requestedProvider);
        return route.Candidates.IsEmpty ? throw new CompletionRouteException(route) : route;
    }
}
