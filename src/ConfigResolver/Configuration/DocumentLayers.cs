using System.Collections.Immutable;
using System.Text.Json;

namespace ConfigResolver.Configuration;

/// <summary>
/// Turns an organization document into one <see cref="LayerValues"/> per setup. A setup that declares
/// <c>"inherits": "default"</c> sees the default setup's values beneath its own. Sections a document may also write
/// at the top level (LAMB's organization-wide <c>kb_server</c> and <c>assistant_defaults</c>, <c>library</c>) lie
/// beneath every setup's own, key by key, and LAMB's legacy <c>setups.&lt;s&gt;.knowledge_base</c> lies beneath those.
/// Organization-scoped sections (features, metadata, limits) are added to every setup's layer.
/// </summary>
/// <remarks>Tolerant of wrong types (they are skipped), so it can read stored documents without re-validating them.</remarks>
internal static partial class DocumentLayers
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
            case ConfigValueKind.Number when element.ValueKind == JsonValueKind.Number:
                value = element.TryGetInt64(out var integer) ? ConfigValue.FromInteger(integer)
                    : element.TryGetDouble(out var number) && double.IsFinite(number) ? ConfigValue.FromNumber(number)
                    : value;
                return value.Kind == ConfigValueKind.Number;
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
}
