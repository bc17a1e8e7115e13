using System.Text.Json.Nodes;
using ConfigResolver.Configuration;

namespace ConfigResolver.Tenancy;

/// <summary>
/// Builds a new organization's starting document from the system organization's: setups and organization-wide sections
/// (LAMB's top-level <c>kb_server</c>, <c>assistant_defaults</c>, <c>library</c>) without secrets; no features (a signup
/// key must be unique), metadata, limits (they resolve from the system organization anyway) or sharing choices. With
/// sharing, each dropped key becomes an opt-in to share the operator's key instead.
/// </summary>
internal static class ConfigBaseline
{
    public static JsonObject FromSystem(OrgConfigDocument system, bool shareSecrets)
    {
        var root = JsonNode.Parse(system.RevealJson())!.AsObject();
        root.Remove(ConfigKeys.Features);
        root.Remove(ConfigKeys.Metadata);
        root.Remove(ConfigKeys.Limits);
        root.Remove("inheritance");
        var providersShared = new JsonObject();
        var sectionsShared = new SortedSet<string>(StringComparer.Ordinal);
        if (root["setups"] is JsonObject setups)
        {
            foreach (var (_, setup) in setups)
            {
                if (setup?[ConfigKeys.Providers] is JsonObject providers)
                {
                    foreach (var (name, provider) in providers)
                    {
                        if (provider is JsonObject settings && RemoveSecrets(settings) && shareSecrets)
                        {
                            providersShared[name] = new JsonObject { ["share_api_key"] = true };
                        }
                    }
                }

                DropSectionSecrets(setup as JsonObject, sectionsShared);
            }
        }

        DropSectionSecrets(root, sectionsShared);
        if (shareSecrets && (providersShared.Count > 0 || sectionsShared.Count > 0))
        {
            var inheritance = new JsonObject();
            if (providersShared.Count > 0)
            {
                inheritance[ConfigKeys.Providers] = providersShared;
            }

            foreach (var section in sectionsShared)
            {
                inheritance[section] = new JsonObject { ["share_api_key"] = true };
            }

            root["inheritance"] = inheritance;
        }

        return root;
    }

    /// <summary>Lays <paramref name="overlay"/> over <paramref name="target"/>: objects merge recursively, anything else replaces.</summary>
    public static JsonObject Merge(JsonObject target, JsonObject overlay)
    {
        foreach (var (name, value) in overlay)
        {
            if (target[name] is JsonObject existing && value is JsonObject nested)
            {
                Merge(existing, nested);
            }
            else
            {
                target[name] = value?.DeepClone();
            }
        }

        return target;
    }

    /// <summary>Drops the keys of the knowledge-base server (also LAMB's legacy <c>knowledge_base</c>) and the library; records which had one.</summary>
    private static void DropSectionSecrets(JsonObject? parent, SortedSet<string> shared)
    {
        foreach (var (name, sharedAs) in new[] { (ConfigKeys.KbServer, ConfigKeys.KbServer), (ConfigKeys.KnowledgeBase, ConfigKeys.KbServer), (ConfigKeys.Library, ConfigKeys.Library) })
        {
            if (parent?[name] is JsonObject section && RemoveSecrets(section))
            {
                shared.Add(sharedAs);
            }
        }
    }

    /// <summary>Removes every name a key may have (<c>api_key</c>, LAMB's <c>api_token</c> and <c>token</c>); true when one held a key.</summary>
    private static bool RemoveSecrets(JsonObject settings)
    {
        var removed = false;
        foreach (var name in new[] { "api_key", "api_token", "token" })
        {
            removed |= settings[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0;
            settings.Remove(name);
        }

        return removed;
    }
}
