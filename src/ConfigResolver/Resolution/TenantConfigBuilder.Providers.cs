using System.Collections.Immutable;
using ConfigResolver.Configuration;

namespace ConfigResolver.Resolution;

internal sealed partial class TenantConfigBuilder
{
    /// <summary>
    /// Resolves a provider. <c>enabled</c> is decided by the highest of organization, environment and system
    /// layers that mentions the provider: its explicit <c>enabled</c>, or true when it configures the provider
    /// without saying. Disabled means disabled: no field falls back to a lower layer.
    /// </summary>
    private ProviderSettings ResolveProvider(string name)
    {
        var enabledPointer = ConfigKeys.ProviderPointer(name, ConfigKeys.Enabled);
        var decided = -1;
        var enabled = false;
        string? source = null;
        ImmutableArray<ShadowedValue>.Builder? shadowed = null;
        for (var i = 0; i < _layers.Length; i++)
        {
            var (layer, values) = _layers[i];
            if (layer == ConfigLayer.Default)
            {
                continue;
            }

            var explicitValue = values.TryGet(enabledPointer, out var entry);
            if (!explicitValue && !values.TryGetProvider(name, out _))
            {
                continue;
            }

            if (decided < 0)
            {
                decided = i;
                enabled = !explicitValue || entry.Value.AsBoolean();
                source = explicitValue ? entry.Source : values.TryGetProvider(name, out var mention) ? mention : null;
            }
            else if (explicitValue)
            {
                (shadowed ??= ImmutableArray.CreateBuilder<ShadowedValue>()).Add(new ShadowedValue(layer, entry.Source, entry.Value, Withheld: false));
            }
        }

        if (_systemIndex >= 0 && (decided < 0 || decided >= _systemIndex))
        {
            _systemDependencies.Add(enabledPointer);
            _systemDependencies.Add(ConfigKeys.ProviderPointer(name));
        }

        if (decided < 0)
        {
            _values.Add(new ResolvedValue(enabledPointer, null, new Provenance(ConfigLayer.None, null, ValueState.Absent, [], null)));
            return Settings(name, ProviderState.Absent);
        }

        var layerOfDecision = _layers[decided].Layer;
        var state = enabled ? ValueState.Set : ValueState.Disabled;
        _values.Add(new ResolvedValue(enabledPointer, ConfigValue.FromBoolean(enabled), new Provenance(layerOfDecision, source, state, shadowed?.ToImmutable() ?? [], null)));
        if (enabled)
        {
            return Settings(name, ProviderState.Enabled);
        }

        foreach (var field in ConfigKeys.ProviderFields)
        {
            if (field == ConfigKeys.Enabled)
            {
                continue;
            }

            var pointer = ConfigKeys.ProviderPointer(name, field);
            _values.Add(new ResolvedValue(pointer, null, new Provenance(
                layerOfDecision,
                source,
                ValueState.Disabled,
                AllValuesOf(pointer, name),
                $"provider '{name}' is disabled by {ResolutionNames.ToName(layerOfDecision)} {source}")));
        }

        return new ProviderSettings(name, ProviderState.Disabled, null, null, null, []);
    }

    private ProviderSettings Settings(string name, ProviderState state)
    {
        var apiKey = ResolveField(ConfigKeys.ProviderPointer(name, ConfigKeys.ApiKey), ConfigKeys.ApiKey, name);
        var baseUrl = ResolveField(ConfigKeys.ProviderPointer(name, ConfigKeys.BaseUrl), ConfigKeys.BaseUrl, name);
        var defaultModel = ResolveField(ConfigKeys.ProviderPointer(name, ConfigKeys.DefaultModel), ConfigKeys.DefaultModel, name);
        var models = ResolveField(ConfigKeys.ProviderPointer(name, ConfigKeys.Models), ConfigKeys.Models, name);
        return new ProviderSettings(name, state, SecretOf(apiKey), Text(baseUrl), Text(defaultModel), models.Value?.AsList() ?? []);
    }

    /// <summary>Every layer's value of a disabled provider's field; an operator secret the organization does not share is withheld.</summary>
    private ImmutableArray<ShadowedValue> AllValuesOf(string pointer, string provider)
    {
        var builder = ImmutableArray.CreateBuilder<ShadowedValue>();
        var shared = _sharing.SharesProvider(_organization, provider);
        foreach (var (layer, values) in _layers)
        {
            if (values.TryGet(pointer, out var entry))
            {
                var withheld = !shared && layer != ConfigLayer.Org && entry.Value.Kind == ConfigValueKind.Secret;
                builder.Add(new ShadowedValue(layer, entry.Source, entry.Value, withheld));
            }
        }

        return builder.ToImmutable();
    }
}
