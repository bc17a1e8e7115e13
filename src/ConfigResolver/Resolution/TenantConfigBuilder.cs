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
        var extras = new SortedSet<string>(_layers[0].Values.ExtraPointers, StringComparer.Ordinal);
        var (providerShape, valueShape) = SnapshotShapes.For(ExtraProviderNames(), extras);
        var providers = new ProviderSettings[providerShape.Keys.Length];
        for (var i = 0; i < providers.Length; i++)
        {
            providers[i] = ResolveProvider(providerShape.Keys[i]);
        }

        var kb = ResolveSection(ConfigKeys.KbServerSection);
        var assistant = ResolveSection(ConfigKeys.AssistantSection);
        var features = ResolveSection(ConfigKeys.FeaturesSection);
        var metadata = ResolveSection(ConfigKeys.MetadataSection);
        var sections = ResolveLambSections(extras);

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
            new KbServerSettings(Text(kb[ConfigKeys.KbUrl]), SecretOf(kb[ConfigKeys.KbApiKey])),
            new AssistantDefaults(
                Text(assistant["prompt_template"]),
                Text(assistant["system_prompt"]),
                Text(assistant["default_provider"]),
                Text(assistant["default_model"]),
                Text(assistant["small_fast_model"])),
            Features(features),
            new MetadataSettings(Text(metadata[ConfigKeys.Description]), Text(metadata[ConfigKeys.ContactEmail])),
            new SnapshotDictionary<ResolvedValue>(valueShape, values),
            _systemDependencies,
            sections);
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

    private ResolvedSectionValues ResolveSection(ConfigSection section)
    {
        var resolved = new ResolvedValue[section.Fields.Length];
        for (var i = 0; i < resolved.Length; i++)
        {
            resolved[i] = ResolveField(section.Pointer(section.Fields[i].Name), section.Fields[i], provider: null, section);
        }

        return new ResolvedSectionValues(section, resolved);
    }

    private ResolvedValue ResolveField(string pointer, ConfigField field, string? provider, ConfigSection? section = null)
    {
        if (field.Scope == FieldScope.Organization)
        {
            // Features and metadata describe the organization itself; the environment and the system
            // organization do not apply (a signup key must never be inherited: it has to be unique). The system
            // organization alone reads LAMB's SIGNUP_ENABLED / SIGNUP_SECRET_KEY from the environment.
            return Walk(pointer, field.SystemEnvironment && _organization.IsSystem ? SystemOrganizationOwn : OrganizationOnly, ValueState.Set);
        }

        if (!field.IsSecret)
        {
            return Walk(pointer, AllLayers, ValueState.Set);
        }

        var shared = provider is not null ? _sharing.SharesProvider(_organization, provider)
            : section == ConfigKeys.LibrarySection ? _sharing.SharesLibrary(_organization)
            : _sharing.SharesKbServer(_organization);
        return shared ? Walk(pointer, AllLayers, ValueState.Shared) : OwnSecretOnly(pointer, provider, section);
    }

    private static string? Text(ResolvedValue value) => value.Value?.AsString();

    private static Secret? SecretOf(ResolvedValue value) => value.Value?.AsSecret();
}
