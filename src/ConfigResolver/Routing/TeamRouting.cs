using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using ConfigResolver.Commerce;
using ConfigResolver.Resolution;
using ConfigResolver.Validation;

namespace ConfigResolver.Routing;

/// <summary>
/// A team's allow-list for the completion target: the models of its model groups, in the groups' order and, within a
/// group, by priority. Routing through it keeps the requested model only when the team may use it, then offers the team's
/// models in that order as fallbacks; a model no enabled provider lists is skipped with a reason in the refusals.
/// A team without model groups routes like its organization.
/// </summary>
/// <remarks>
/// Immutable; build one per teams snapshot (<see cref="For"/>). Routes are cached per (configuration snapshot, requested
/// model and provider) on this object, so a cached answer is one lookup; safe for concurrent use.
/// </remarks>
public sealed class TeamRouting
{
    /// <summary>The most routes kept per team before the cache starts over.</summary>
    public const int MaxCachedRoutes = 256;

    private readonly ConcurrentDictionary<RouteKey, CompletionRoute> _routes = new();

    private TeamRouting(string team, ImmutableArray<(string Group, ModelGroupEntry Entry)> models)
    {
        Team = team;
        Models = models;
    }

    /// <summary>Gets the team's name.</summary>
    public string Team { get; }

    /// <summary>Gets the allowed models in fallback order, each with the group that names it; empty when the team may use every model.</summary>
    public ImmutableArray<(string Group, ModelGroupEntry Entry)> Models { get; }

    /// <summary>Builds a team's routing from its organization's state.</summary>
    /// <param name="state">The organization's teams and model groups.</param>
    /// <param name="slug">The organization's slug (for messages).</param>
    /// <param name="team">The team.</param>
    /// <returns>The routing.</returns>
    /// <exception cref="QuotaException">Unknown team (QTA6011).</exception>
    public static TeamRouting For(CommerceState state, string slug, string team)
    {
        ArgumentNullException.ThrowIfNull(state);
        var found = state.FindTeam(team)
            ?? throw new QuotaException(QuotaDiagnostics.About(QuotaDiagnosticCodes.UnknownTeam, slug, $"unknown team {ValueDescriber.Quote(team)}.", "/teams/" + team));
        var models = found.ModelGroups
            .Select(state.FindModelGroup)
            .OfType<ModelGroup>()
            .SelectMany(static g => g.Models.Select((m, i) => (g.Name, m, i)).OrderBy(static x => x.m.Priority).ThenBy(static x => x.i).Select(static x => (x.Name, x.m)))
            .ToImmutableArray();
        return new TeamRouting(team, models);
    }

    /// <summary>Routes a completion for the team (see the class remarks).</summary>
    /// <param name="config">The organization's resolved snapshot.</param>
    /// <param name="requestedModel">The model asked for, or null.</param>
    /// <param name="requestedProvider">The provider asked for, or null.</param>
    /// <returns>The route; cached per snapshot, model and provider.</returns>
    /// <exception cref="CompletionRouteException">No allowed model is available (CFG1050), with every refusal.</exception>
    public CompletionRoute Route(TenantConfig config, string? requestedModel = null, string? requestedProvider = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var key = new RouteKey(config, requestedModel, requestedProvider);
        if (!_routes.TryGetValue(key, out var route))
        {
            route = Models.IsEmpty ? CompletionRouter.Route(config, requestedModel, requestedProvider) : Compute(config, requestedModel, requestedProvider);
            if (_routes.Count >= MaxCachedRoutes)
            {
                _routes.Clear();
            }

            route = _routes.GetOrAdd(key, route);
        }

        return route.Candidates.IsEmpty ? throw new CompletionRouteException(route) : route;
    }

    /// <summary>Lists the models that no enabled provider of the snapshot lists (reported when groups are assigned).</summary>
    /// <param name="config">The organization's resolved snapshot.</param>
    /// <returns>The unlisted models with their groups.</returns>
    public ImmutableArray<(string Group, ModelGroupEntry Entry)> Unlisted(TenantConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return [.. Models.Where(m => FindProvider(config, m.Entry) is null)];
    }

    private CompletionRoute Compute(TenantConfig config, string? model, string? provider)
    {
        var route = new CompletionRouteBuilder();
        if (model is not null)
        {
            if (Models.Any(m => m.Entry.Model == model && (m.Entry.Provider is null || provider is null || m.Entry.Provider == provider)))
            {
                foreach (var candidate in CompletionRouter.Route(config, model, provider).Candidates.Where(static c => c.Step == CompletionStep.Requested))
                {
                    if (config.TryGetProvider(candidate.Provider, out var settings))
                    {
                        route.Add(settings, candidate.Model, CompletionStep.Requested, candidate.Reason + $" (allowed for team {Quote(Team)})");
                    }
                }
            }
            else
            {
                route.RefuseModel(provider, model, CompletionStep.Requested, $"model {Quote(model)} is not in the model groups of team {Quote(Team)}");
            }
        }

        foreach (var (group, entry) in Models)
        {
            if (FindProvider(config, entry) is { } settings)
            {
                route.Add(settings, entry.Model, CompletionStep.TeamModelGroup, $"team {Quote(Team)}, model group {Quote(group)}, priority {entry.Priority}");
            }
            else
            {
                var who = entry.Provider is null ? "no enabled provider lists it" : $"provider {Quote(entry.Provider)} is not enabled or does not list it";
                route.RefuseModel(entry.Provider, entry.Model, CompletionStep.TeamModelGroup, $"model group {Quote(group)}: model {Quote(entry.Model)} skipped: {who}");
            }
        }

        return route.Build(config, model, provider);
    }

    private static ProviderSettings? FindProvider(TenantConfig config, ModelGroupEntry entry)
    {
        ImmutableArray<string> names = entry.Provider is { } only ? [only] : config.ProviderOrder;
        foreach (var name in names)
        {
            if (config.TryGetProvider(name, out var settings) && settings.IsEnabled && settings.Models.Contains(entry.Model)
                && CompletionRouter.TryUse(config, name, CompletionStep.TeamModelGroup, new CompletionRouteBuilder(), out _))
            {
                return settings;
            }
        }

        return null;
    }

    private static string Quote(string text) => ValueDescriber.Quote(text);

    /// <summary>A route's key: the snapshot by reference (a new snapshot is a new key), then the request.</summary>
    private readonly record struct RouteKey(TenantConfig Config, string? Model, string? Provider)
    {
        public bool Equals(RouteKey other) => ReferenceEquals(Config, other.Config) && Model == other.Model && Provider == other.Provider;

        public override int GetHashCode() => HashCode.Combine(RuntimeHelpers.GetHashCode(Config), Model, Provider);
    }
}
