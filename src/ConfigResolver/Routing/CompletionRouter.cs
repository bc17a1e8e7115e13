using System.Diagnostics.CodeAnalysis;
using ConfigResolver.Configuration;
using ConfigResolver.Resolution;
using ConfigResolver.Validation;

namespace ConfigResolver.Routing;

/// <summary>
/// Computes a completion route from one resolved snapshot: LAMB's <c>resolve_model_for_completion</c> order, but only
/// over enabled providers that can be used, and every step's candidate kept as a fallback instead of only the first.
/// </summary>
/// <remarks>
/// Pure: reads the snapshot, returns a route. The provider order is a parameter so that a later rule (a team's
/// allow-list or priority order) can narrow or reorder it without touching the steps.
/// </remarks>
internal static class CompletionRouter
{
    public static CompletionRoute Route(TenantConfig config, string? model, string? provider) =>
        Route(config, model, provider, config.ProviderOrder);

    public static CompletionRoute Route(TenantConfig config, string? model, string? provider, IReadOnlyList<string> providerOrder)
    {
        var route = new CompletionRouteBuilder();
        Requested(config, model, provider, providerOrder, route);
        GlobalDefault(config, route);
        ProviderDefault(config, provider, route);
        FirstAvailable(config, providerOrder, route);
        return route.Build(config, model, provider);
    }

    // 1. The requested provider and model, if the provider lists the model. A model asked for without a provider
    //    (LAMB needs both) goes to the first usable provider, in order, that lists it.
    private static void Requested(TenantConfig config, string? model, string? provider, IReadOnlyList<string> order, CompletionRouteBuilder route)
    {
        if (model is null)
        {
            return;
        }

        if (provider is not null)
        {
            if (TryUse(config, provider, CompletionStep.Requested, route, out var settings, model))
            {
                if (settings.Models.Contains(model))
                {
                    route.Add(settings, model, CompletionStep.Requested, $"requested model {Quote(model)} of provider {Quote(provider)}");
                }
                else
                {
                    route.RefuseModel(provider, model, CompletionStep.Requested, NotListed(settings, model));
                }
            }

            return;
        }

        foreach (var name in order)
        {
            if (config.TryGetProvider(name, out var candidate) && candidate.IsEnabled && candidate.Models.Contains(model)
                && TryUse(config, name, CompletionStep.Requested, route, out var settings))
            {
                route.Add(settings, model, CompletionStep.Requested, $"requested model {Quote(model)}, listed by provider {Quote(name)} (the first in order that lists it)");
                return;
            }
        }

        route.RefuseModel(null, model, CompletionStep.Requested, $"no usable provider lists model {Quote(model)}");
    }

    // 2. The setup's global default model, if its provider lists it.
    private static void GlobalDefault(TenantConfig config, CompletionRouteBuilder route)
    {
        if (config.GlobalDefaultModel is not { } choice || !TryUse(config, choice.Provider, CompletionStep.GlobalDefault, route, out var settings))
        {
            return;
        }

        if (settings.Models.Contains(choice.Model))
        {
            var source = config.Values["/global_default_model/model"].Provenance;
            route.Add(settings, choice.Model, CompletionStep.GlobalDefault, $"the setup's global default model ({ResolutionNames.ToName(source.Layer)} {source.Source})");
        }
        else
        {
            route.RefuseModel(choice.Provider, choice.Model, CompletionStep.GlobalDefault, "global default model: " + NotListed(settings, choice.Model));
        }
    }

    // 3. For a requested provider: its default model if listed, else its first model.
    private static void ProviderDefault(TenantConfig config, string? provider, CompletionRouteBuilder route)
    {
        if (provider is not null && TryUse(config, provider, CompletionStep.ProviderDefault, route, out var settings))
        {
            AddDefault(settings, CompletionStep.ProviderDefault, $"requested provider {Quote(provider)}", route);
        }
    }

    // 4. Every usable provider with models, in order: its default model if listed, else its first model. LAMB stops at
    //    the first; the later ones are the fallbacks.
    private static void FirstAvailable(TenantConfig config, IReadOnlyList<string> order, CompletionRouteBuilder route)
    {
        foreach (var name in order)
        {
            if (TryUse(config, name, CompletionStep.FirstAvailable, route, out var settings))
            {
                AddDefault(settings, CompletionStep.FirstAvailable, route.HasCandidates ? $"fallback: provider {Quote(name)}" : $"first enabled provider with models, {Quote(name)}", route);
            }
        }
    }

    private static void AddDefault(ProviderSettings settings, CompletionStep step, string who, CompletionRouteBuilder route)
    {
        if (settings.DefaultModel is { } defaultModel && settings.Models.Contains(defaultModel))
        {
            route.Add(settings, defaultModel, step, who + ": its default model");
        }
        else if (!settings.Models.IsEmpty)
        {
            var why = settings.DefaultModel is null ? "it sets no default_model" : $"its default_model {Quote(settings.DefaultModel)} is not listed";
            route.Add(settings, settings.Models[0], step, $"{who}: its first model ({why})");
        }
        else
        {
            route.RefuseProvider(settings.Name, null, step, $"provider {Quote(settings.Name)} lists no models");
        }
    }

    /// <summary>Whether a provider can take completions: configured, enabled, and not missing a key the operator withholds.</summary>
    private static bool TryUse(TenantConfig config, string name, CompletionStep step, CompletionRouteBuilder route, [NotNullWhen(true)] out ProviderSettings? settings, string? model = null)
    {
        if (!config.TryGetProvider(name, out settings) || settings.State == ProviderState.Absent)
        {
            route.RefuseProvider(name, model, step, $"provider {Quote(name)} is not configured");
            return false;
        }

        if (settings.State == ProviderState.Disabled)
        {
            var decided = config.Values[ConfigKeys.ProviderPointer(name, ConfigKeys.Enabled)].Provenance;
            route.RefuseProvider(name, model, step, $"provider {Quote(name)} is disabled by {ResolutionNames.ToName(decided.Layer)} {decided.Source}");
            return false;
        }

        // No key of its own while the operator has one it does not share: the provider would be called without the key
        // that makes it work.
        if (settings.ApiKey is null && config.Values[ConfigKeys.ProviderPointer(name, ConfigKeys.ApiKey)].Provenance.Shadowed.Any(static s => s.Withheld))
        {
            route.RefuseProvider(name, model, step, $"provider {Quote(name)} has no key and no opt-in share of the operator's key (set /inheritance/providers/{JsonPointer.Escape(name)}/share_api_key to true)");
            return false;
        }

        return true;
    }

    private static string NotListed(ProviderSettings settings, string model) => settings.Models.IsEmpty
        ? $"provider {Quote(settings.Name)} lists no models"
        : $"model {Quote(model)} is not listed by provider {Quote(settings.Name)} (its models: {ValueDescriber.QuoteList(settings.Models)})";

    private static string Quote(string text) => ValueDescriber.Quote(text);
}
