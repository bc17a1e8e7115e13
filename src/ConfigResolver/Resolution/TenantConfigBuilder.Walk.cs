using System.Collections.Immutable;
using ConfigResolver.Configuration;

namespace ConfigResolver.Resolution;

internal sealed partial class TenantConfigBuilder
{
    private const int AllLayers = (1 << (int)ConfigLayer.Org) | (1 << (int)ConfigLayer.Env) | (1 << (int)ConfigLayer.System) | (1 << (int)ConfigLayer.Default);
    private const int OrganizationOnly = (1 << (int)ConfigLayer.Org) | (1 << (int)ConfigLayer.Default);
    private const int SystemOrganizationOwn = OrganizationOnly | (1 << (int)ConfigLayer.Env);

    /// <summary>First layer in <paramref name="mask"/> that has the value wins; the rest are shadowed.</summary>
    /// <param name="pointer">The resolved pointer.</param>
    /// <param name="mask">The layers that may supply the value.</param>
    /// <param name="inheritedState">The state of a value from below the organization (<see cref="ValueState.Shared"/> for shared secrets).</param>
    private ResolvedValue Walk(string pointer, int mask, ValueState inheritedState)
    {
        var winner = -1;
        LayerEntry found = default;
        ImmutableArray<ShadowedValue>.Builder? shadowed = null;
        for (var i = 0; i < _layers.Length; i++)
        {
            var (layer, values) = _layers[i];
            if ((mask & (1 << (int)layer)) == 0 || !values.TryGet(pointer, out var entry))
            {
                continue;
            }

            if (winner < 0)
            {
                winner = i;
                found = entry;
            }
            else
            {
                (shadowed ??= ImmutableArray.CreateBuilder<ShadowedValue>()).Add(new ShadowedValue(layer, entry.Source, entry.Value, Withheld: false));
            }
        }

        // The value depends on the system layer when the walk reached it: decided there or below, or absent.
        if (_systemIndex >= 0 && (mask & (1 << (int)ConfigLayer.System)) != 0 && (winner < 0 || winner >= _systemIndex))
        {
            _systemDependencies.Add(pointer);
        }

        var result = winner < 0
            ? new ResolvedValue(pointer, null, new Provenance(ConfigLayer.None, null, ValueState.Absent, [], null))
            : new ResolvedValue(pointer, found.Value, new Provenance(
                _layers[winner].Layer,
                found.Source,
                _layers[winner].Layer == ConfigLayer.Org ? ValueState.Set : inheritedState,
                shadowed?.ToImmutable() ?? [],
                AliasNote(_layers[winner].Layer, pointer, found.Source)));
        _values.Add(result);
        return result;
    }

    /// <summary>A secret the organization did not opt in to share: only its own value counts; the operator's is withheld.</summary>
    private ResolvedValue OwnSecretOnly(string pointer, string? provider, ConfigSection? section)
    {
        var own = _layers[0].Values.TryGet(pointer, out var entry);
        var shadowed = ImmutableArray.CreateBuilder<ShadowedValue>();
        for (var i = 1; i < _layers.Length; i++)
        {
            var (layer, values) = _layers[i];
            if (values.TryGet(pointer, out var lower))
            {
                // The operator's value is never this organization's, also when its own value shadows it.
                shadowed.Add(new ShadowedValue(layer, lower.Source, lower.Value, Withheld: true));
            }
        }

        var note = !own && shadowed.Count > 0
            ? $"the operator's value is not shared with this organization; set {SecretSharing.OptInPointer(provider, section?.Name)} to true to use it"
            : null;
        var result = own
            ? new ResolvedValue(pointer, entry.Value, new Provenance(ConfigLayer.Org, entry.Source, ValueState.Set, shadowed.ToImmutable(), AliasNote(ConfigLayer.Org, pointer, entry.Source)))
            : new ResolvedValue(pointer, null, new Provenance(ConfigLayer.None, null, ValueState.Absent, shadowed.ToImmutable(), note));
        _values.Add(result);
        return result;
    }

    /// <summary>Says when a document value came from one of LAMB's other names or its legacy knowledge_base section.</summary>
    private static string? AliasNote(ConfigLayer layer, string pointer, string source)
    {
        if (layer is not (ConfigLayer.Org or ConfigLayer.System))
        {
            return null;
        }

        var name = JsonPointer.LastSegment(pointer);
        var used = JsonPointer.LastSegment(source);
        var legacy = source.Contains("/" + ConfigKeys.KnowledgeBase + "/", StringComparison.Ordinal);
        return (legacy, used == name) switch
        {
            (true, true) => $"from LAMB's legacy '{ConfigKeys.KnowledgeBase}' section",
            (true, false) => $"from LAMB's legacy '{ConfigKeys.KnowledgeBase}' section, '{used}' (LAMB's name for '{name}')",
            (false, false) => $"'{used}' is LAMB's name for '{name}'",
            _ => null,
        };
    }
}
