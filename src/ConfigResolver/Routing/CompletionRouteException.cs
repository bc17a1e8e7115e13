using System.Collections.Immutable;
using ConfigResolver.Diagnostics;
using ConfigResolver.Validation;

namespace ConfigResolver.Routing;

/// <summary>
/// No provider and model qualifies for a completion request (CFG1050): every provider is disabled, not configured,
/// lists no models or lacks a key. <see cref="Route"/> lists what was tried and why each was refused; the diagnostics
/// say the same, one line each (CFG1050, then one CFG1051 per refusal).
/// </summary>
public sealed class CompletionRouteException : ConfigResolverException
{
    internal CompletionRouteException(CompletionRoute route)
        : base(Describe(route))
    {
        Route = route;
    }

    /// <summary>Gets the route without candidates: the request and every refusal.</summary>
    public CompletionRoute Route { get; }

    /// <summary>Gets what was tried and why each was refused.</summary>
    public ImmutableArray<RefusedCandidate> Refused => Route.Refused;

    private static ImmutableArray<Diagnostic> Describe(CompletionRoute route)
    {
        var request = (route.RequestedProvider, route.RequestedModel) switch
        {
            (null, null) => string.Empty,
            (null, { } model) => $" (requested model {ValueDescriber.Quote(model)})",
            ({ } provider, null) => $" (requested provider {ValueDescriber.Quote(provider)})",
            ({ } provider, { } model) => $" (requested model {ValueDescriber.Quote(model)} of provider {ValueDescriber.Quote(provider)})",
        };
        var summary = route.Refused.IsEmpty
            ? $"no provider and model qualifies for org '{route.OrganizationSlug}' setup '{route.Setup}'{request}: no provider is configured with models."
            : $"no provider and model qualifies for org '{route.OrganizationSlug}' setup '{route.Setup}'{request}; refused {route.Refused.Length}:";
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>(route.Refused.Length + 1);
        diagnostics.Add(new Diagnostic(DiagnosticCodes.NoCompletionCandidate, summary) { Where = Subject });
        foreach (var refused in route.Refused)
        {
            diagnostics.Add(new Diagnostic(DiagnosticCodes.RefusedCompletionCandidate, refused + ".") { Where = Subject, Severity = DiagnosticSeverity.Info });
        }

        return diagnostics.MoveToImmutable();
    }

    private const string Subject = "route";
}
