using System.Collections.Immutable;
using System.Text.Json;

namespace ConfigResolver.Configuration;

/// <summary>
/// Turns an organization document into one <see cref="LayerValues"/> per setup. A setup that declares
/// <c>"inherits": "default"</c> sees the default setup's values beneath its own. Organization-scoped
/// sections (features, metadata) are added to every setup's layer.
/// </summary>
/// <remarks>Tolerant of wrong types (they are skipped), so it can read stored documents without re-validating them.</remarks>
internal static class DocumentLayers
{
    public static Dictionary<string, LayerValues> Build(JsonElement root, out LayerValues fallback)
    {
        var layers = new Dictionary<string, LayerValues>(StringComparer.Ordinal);
        var setups = Property(root, "setups");
        var hasDefault = setups.ValueKind == JsonValueKind.Object && setups.TryGetProperty(ConfigKeys.DefaultSetup, out _);
        if (setups.ValueKind == JsonValueKind.Object)
        {
            foreach (var setup in setups.EnumerateObject())
            {
                var chain = setup.Name != ConfigKeys.DefaultSetup && hasDefault && InheritsDefault(setup.Value)
                    ? ImmutableArray.Create(setup.Name, ConfigKeys.DefaultSetup)
                    : [setup.Name];
                layers[setup.Name] = BuildLayer(root, setups, chain);
            }
        }

        // A setup the document does not define falls back to its default setup (or to nothing but the
        // organization-scoped sections).
        fallback = hasDefault ? layers[ConfigKeys.DefaultSetup] : BuildLayer(root, setups, []);
        return layers;
    }

    public static ImmutableArray<string> SetupNames(JsonElement root)
    {
        var setups = Property(root, "setups");
        if (setups.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var names = new List<string>();
        foreach (var setup in setups.EnumerateObject())
        {
            names.Add(setup.Name);
        }

        names.Sort(StringComparer.Ordinal);
        return [.. names];
    }

    public static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    public static bool InheritsDefault(JsonElement setup) =>
        Property(setup, "inherits") is { ValueKind: JsonValueKind.String } inherits
        && inherits.ValueEquals(ConfigKeys.DefaultSetup);

    public static bool TryRead(JsonElement element, ConfigField field, out ConfigValue value)
    {
        value = ConfigValue.FromBoolean(false);
        switch (field.Kind)
        {
            case ConfigValueKind.Boolean when element.ValueKind is JsonValueKind.True or JsonValueKind.False:
                value = ConfigValue.FromBoolean(element.GetBoolean());
                return true;
            case ConfigValueKind.Text when element.ValueKind == JsonValueKind.String:
                value = ConfigValue.FromString(element.GetString()!);
                return true;
            case ConfigValueKind.Secret when element.ValueKind == JsonValueKind.String && element.GetString() is { Length: > 0 } text:
                value = ConfigValue.FromSecret(new Secret(text));
                return true;
            case ConfigValueKind.StringList when element.ValueKind == JsonValueKind.Array:
                var items = ImmutableArray.CreateBuilder<string>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                {
                    if (item.ValueKind != JsonValueKind.String)
                    {
                        return false;
                    }

                    items.Add(item.GetString()!);
                }

                value = ConfigValue.FromList(items.MoveToImmutable());
                return true;
            default:
                return false;
        }
    }

    private static LayerValues BuildLayer(JsonElement root, JsonElement setups, ImmutableArray<string> chain)
    {
        var builder = new LayerValuesBuilder();
        foreach (var name in chain)
        {
            var setup = Property(setups, name);
            var prefix = "/setups/" + JsonPointer.Escape(name);
            var providers = Property(setup, ConfigKeys.Providers);
            if (providers.ValueKind == JsonValueKind.Object)
            {
                foreach (var provider in providers.EnumerateObject())
                {
                    var source = prefix + "/providers/" + JsonPointer.Escape(provider.Name);
                    builder.AddProvider(provider.Name, source);
                    var pointers = ConfigKeys.ProviderPointers(provider.Name);
                    for (var i = 0; i < ConfigKeys.ProviderFields.Length; i++)
                    {
                        AddField(builder, provider.Value, ConfigKeys.ProviderFields[i], pointers[i], source);
                    }
                }
            }

            AddSection(builder, setup, ConfigKeys.KbServer, ConfigKeys.KbServerFields, prefix);
            AddSection(builder, setup, ConfigKeys.AssistantDefaults, ConfigKeys.AssistantFields, prefix);
        }

        AddSection(builder, root, ConfigKeys.Features, ConfigKeys.FeatureFields, string.Empty);
        AddSection(builder, root, ConfigKeys.Metadata, ConfigKeys.MetadataFields, string.Empty);
        return builder.Build();
    }

    private static void AddSection(LayerValuesBuilder builder, JsonElement parent, string section, ImmutableArray<ConfigField> fields, string prefix)
    {
        var element = Property(parent, section);
        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var field in fields)
        {
            AddField(builder, element, field, ConfigKeys.SectionPointer(section, field), prefix + "/" + section);
        }
    }

    private static void AddField(LayerValuesBuilder builder, JsonElement parent, ConfigField field, string pointer, string sourcePrefix)
    {
        if (!builder.Contains(pointer)
            && parent.ValueKind == JsonValueKind.Object
            && parent.TryGetProperty(field.Name, out var element)
            && TryRead(element, field, out var value))
        {
            builder.TryAdd(pointer, value, sourcePrefix + "/" + field.Name);
        }
    }
}
