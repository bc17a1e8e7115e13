using System.Collections.Immutable;
using System.Text;

namespace ConfigResolver.Routing;

/// <summary>
/// The answer to "the caller asked for model M of provider P (or nothing): which provider, model, base URL and key do I
/// use, and what do I fall back to?" for one organization and setup: the ordered <see cref="Candidates"/>, the first
/// being the answer, and what was <see cref="Refused"/> on the way.
/// </summary>
/// <remarks>
/// Immutable; cached on the <see cref="Resolution.TenantConfig"/> snapshot it was computed from, so the store change that
/// replaces the snapshot retires it. A route always has at least one candidate: when none qualifies,
/// <see cref="Resolution.TenantConfigResolver.ResolveCompletionAsync(string, string?, string?, string?, CancellationToken)"/>
/// throws <see cref="CompletionRouteException"/> instead. Every rendering redacts keys.
/// </remarks>
public sealed class CompletionRoute
{
    internal CompletionRoute(
        string organizationSlug,
        string setup,
        string? requestedModel,
        string? requestedProvider,
        ImmutableArray<CompletionCandidate> candidates,
        ImmutableArray<RefusedCandidate> refused)
    {
        OrganizationSlug = organizationSlug;
        Setup = setup;
        RequestedModel = requestedModel;
        RequestedProvider = requestedProvider;
        Candidates = candidates;
        Refused = refused;
    }

    /// <summary>Gets the organization the route was computed for.</summary>
    public string OrganizationSlug { get; }

    /// <summary>Gets the setup.</summary>
    public string Setup { get; }

    /// <summary>Gets the model the caller asked for, or null.</summary>
    public string? RequestedModel { get; }

    /// <summary>Gets the provider the caller asked for, or null.</summary>
    public string? RequestedProvider { get; }

    /// <summary>Gets the candidates in the order to try them; the first is the answer. Never empty on a route a caller receives.</summary>
    public ImmutableArray<CompletionCandidate> Candidates { get; }

    /// <summary>Gets what was looked at and refused, in the order it was looked at.</summary>
    public ImmutableArray<RefusedCandidate> Refused { get; }

    /// <summary>Gets the answer: the first candidate.</summary>
    /// <exception cref="InvalidOperationException">The route has no candidate (only inside a <see cref="CompletionRouteException"/>).</exception>
    public CompletionCandidate Answer => Candidates.IsEmpty
        ? throw new InvalidOperationException("No candidate qualifies; see Refused.")
        : Candidates[0];

    /// <summary>Renders the candidates and refusals, one per line, keys redacted.</summary>
    /// <returns>The rendering.</returns>
    public override string ToString()
    {
        var builder = new StringBuilder();
        builder.Append("route for org '").Append(OrganizationSlug).Append("' setup '").Append(Setup).Append('\'').AppendLine();
        for (var i = 0; i < Candidates.Length; i++)
        {
            builder.Append("  ").Append(i + 1).Append(". ").Append(Candidates[i]).AppendLine();
        }

        foreach (var refused in Refused)
        {
            builder.Append("  refused ").Append(refused).AppendLine();
        }

        return builder.ToString();
    }
}
