using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConfigResolver.Configuration;

/// <summary>
/// Writes a document in LAMB's shape: <c>"version": "1.0"</c>, each setup with its display <c>name</c> and
/// <c>is_default</c>, and the default setup's <c>kb_server</c>, <c>assistant_defaults</c> and <c>library</c> as the
/// organization-wide sections LAMB reads, when that changes no setup's resolved values. Parts LAMB has no word for
/// (<c>inheritance</c>, <c>inherits</c>) are kept, so reading the result back resolves exactly as the original.
/// </summary>
internal static class LambDocumentWriter
{
    private static readonly string[] s_lambOrder = ["$schema", "version", "setups", ConfigKeys.KbServer, ConfigKeys.AssistantDefaults, ConfigKeys.Library, ConfigKeys.Features, ConfigKeys.Limits, ConfigKeys.Metadata, "inheritance"];

    private static readonly ConfigSection[] s_liftable = [ConfigKeys.KbServerSection, ConfigKeys.AssistantSection, ConfigKeys.LibrarySection];

    public static JsonObject Write(JsonElement root)
    {
        var document = JsonObject.Create(root.Clone())!;
        document["version"] = "1.0";
        if (document["setups"] is JsonObject setups)
        {
            foreach (var name in setups.Select(static s => s.Key).ToList())
            {
                if (setups[name] is JsonObject setup)
                {
                    setups[name] = WithDisplayFields(name, setup);
                }
            }

            LiftDefaultSections(document, setups);
        }

        return Reordered(document, s_lambOrder);
    }

    /// <summary>
    /// Moves the default setup's sections to the top level when every other setup inherits the default setup: then
    /// each setup sees the same values in the same order (its own, the default's, the organization's).
    /// </summary>
    private static void LiftDefaultSections(JsonObject document, JsonObject setups)
    {
        if (setups[ConfigKeys.DefaultSetup] is not JsonObject byDefault
            || setups.Any(static s => s.Key != ConfigKeys.DefaultSetup && !InheritsDefault(s.Value)))
        {
            return;
        }

        foreach (var section in s_liftable)
        {
            if (byDefault[section.Name] is not JsonObject own)
            {
                continue;
            }

            var top = document[section.Name] as JsonObject ?? [];
            foreach (var (key, value) in own.ToList())
            {
                // The setup's value wins over the organization's: drop every name the organization used for that key.
                if (section.Fields.FirstOrDefault(f => f.Name == key || f.Aliases.Contains(key)) is { } field)
                {
                    foreach (var alias in (IEnumerable<string>)[field.Name, .. field.Aliases])
                    {
                        top.Remove(alias);
                    }
                }

                own.Remove(key);
                top[key] = value;
            }

            byDefault.Remove(section.Name);
            document[section.Name] = top;
        }
    }

    private static bool InheritsDefault(JsonNode? setup) =>
        setup is JsonObject other && other["inherits"] is JsonValue inherits && inherits.TryGetValue<string>(out var name) && name == ConfigKeys.DefaultSetup;

    private static JsonObject WithDisplayFields(string name, JsonObject setup)
    {
        var display = new JsonObject
        {
            ["name"] = setup["name"]?.DeepClone() ?? (name == ConfigKeys.DefaultSetup ? "Default Setup" : name),
            ["is_default"] = name == ConfigKeys.DefaultSetup,
        };
        foreach (var (key, value) in setup.ToList())
        {
            if (key is not ("name" or "is_default"))
            {
                setup.Remove(key);
                display[key] = value;
            }
        }

        return display;
    }

    private static JsonObject Reordered(JsonObject document, string[] order)
    {
        var result = new JsonObject();
        foreach (var key in order.Concat(document.Select(static p => p.Key)).Distinct(StringComparer.Ordinal).ToList())
        {
            if (document.ContainsKey(key))
            {
                var value = document[key];
                document.Remove(key);
                result[key] = value;
            }
        }

        return result;
    }
}
