using System.Collections.Immutable;
using ConfigResolver.Configuration;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Resolution;

/// <summary>
/// Builds one <see cref="TenantConfig"/>: walks the layers (organization, environment, system organization,
/// built-in defaults) per value, applies the secret and disabled-provider rules, and records which values fell
/// through to the system layer so a system write can invalidate exactly the snapshots it affects.
/// </summary>
internal sealed partial class TenantConfigBuilder
{
    private readonly Organization _organization;
    private readonly SecretSharing _sharing;
    private readonly (ConfigLayer Layer, LayerValues Values)[] _layers;
    private readonly int _systemIndex;
    private readonly List<ResolvedValue> _values = new(40);
    private readonly HashSet<string> _systemDependencies = new(StringComparer.Ordinal);

    public TenantConfigBuilder(Organization organization, string setup, LayerValues environment, Organization? system, SecretSharing sharing)
    {
        _organization = organization;
        _sharing = sharing;
        var own = organization.Config.GetLayer(setup);
        _layers = system is null || organization.IsSystem
            ? [(ConfigLayer.Org, own), (ConfigLayer.Env, environment), (ConfigLayer.Default, BuiltInDefaults.Layer)]
            : [(ConfigLayer.Org, own), (ConfigLayer.Env, environment), (ConfigLayer.System, system.Config.GetLayer(setup)), (ConfigLayer.Default, BuiltInDefaults.Layer)];
        _systemIndex = Array.FindIndex(_layers, l => l.Layer == ConfigLayer.System);
    }

    public TenantConfig Build(string setup, long generation, long storeRevision, DateTimeOffset now)
    {
        var (providerShape, valueShape) = SnapshotShapes.For(ExtraProviderNames());
        var providers = new ProviderSettings[providerShape.Keys.Length];
        for (var i = 0; i < providers.Length; i++)
        {
            providers[i] = ResolveProvider(providerShape.Keys[i]);
        }

        var kb = ResolveSection(ConfigKeys.KbServer, ConfigKeys.KbServerFields, provider: null);
        var assistant = ResolveSection(ConfigKeys.AssistantDefaults, ConfigKeys.AssistantFields, provider: null);
        var features = ResolveSection(ConfigKeys.Features, ConfigKeys.FeatureFields, provider: null);
        var metadata = ResolveSection(ConfigKeys.Metadata, ConfigKeys.MetadataFields, provider: null);

        var values = new ResolvedValue[valueShape.Keys.Length];
        foreach (var value in _values)
        {
            values[valueShape.Index[value.Pointer]] = value;
        }

        return new TenantConfig(
            _organization,
            setup,
            generation,
            storeRevision,
            now,
            new SnapshotDictionary<ProviderSettings>(providerShape, providers),
            new KbServerSettings(Text(kb[0]), SecretOf(kb[1])),
            new AssistantDefaults(Text(assistant[0]), Text(assistant[1]), Text(assistant[2]), Text(assistant[3]), Text(assistant[4])),
            new FeatureSettings(features[0].Value?.AsBoolean() == true, SecretOf(features[1])),
            new MetadataSettings(Text(metadata[0]), Text(metadata[1])),
            new SnapshotDictionary<ResolvedValue>(valueShape, values),
            _systemDependencies);
    }

    /// <summary>Providers beyond the well-known four that any layer mentions, or null (the common case).</summary>
    private SortedSet<string>? ExtraProviderNames()
    {
        SortedSet<string>? extra = null;
        foreach (var (_, values) in _layers)
        {
            foreach (var name in values.ProviderNames)
            {
                if (!ConfigKeys.WellKnownProviders.Contains(name))
                {
                    (extra ??= new SortedSet<string>(StringComparer.Ordinal)).Add(name);
                }
            }
        }

        return extra;
    }

    private ResolvedValue[] ResolveSection(string section, ImmutableArray<ConfigField> fields, string? provider)
    {
        var resolved = new ResolvedValue[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            resolved[i] = ResolveField(ConfigKeys.SectionPointer(section, fields[i]), fields[i], provider);
        }

        return resolved;
    }

    private ResolvedValue ResolveField(string pointer, ConfigField field, string? provider)
    {
        if (field.Scope == FieldScope.Organization)
        {
            // Features and metadata describe the organization itself; the environment and the system
            // organization do not apply (a signup key must never be inherited: it has to be unique).
            return Walk(pointer, OrganizationOnly, ValueState.Set);
        }

        if (!field.IsSecret)
        {
            return Walk(pointer, AllLayers, ValueState.Set);
        }

        var shared = provider is null ? _sharing.SharesKbServer(_organization) : _sharing.SharesProvider(_organization, provider);
        return shared ? Walk(pointer, AllLayers, ValueState.Shared) : OwnSecretOnly(pointer, provider);
    }

    private static string? Text(ResolvedValue value) => value.Value?.AsString();

    private static Secret? SecretOf(ResolvedValue value) => value.Value?.AsSecret();
}
