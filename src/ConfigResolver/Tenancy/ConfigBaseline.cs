using System.Text.Json.Nodes;
using ConfigResolver.Configuration;

namespace ConfigResolver.Tenancy;

/// <summary>
/// Builds a new organization's starting document from the system organization's: setups without secrets;
/// no features (a signup key must be unique), metadata or sharing choices. With sharing, each dropped key
/// becomes an opt-in to share the operator's key instead.
/// </summary>
internal static class ConfigBaseline
{
    public static JsonObject FromSystem(OrgConfigDocument system, bool shareSecrets)
    {
        var root = JsonNode.Parse(system.RevealJson())!.AsObject();
        root.Remove(ConfigKeys.Features);
        root.Remove(ConfigKeys.Metadata);
        root.Remove("inheritance");
        var providersShared = new JsonObject();
        var kbShared = false;
        if (root["setups"] is JsonObject setups)
        {
            foreach (var (_, setup) in setups)
            {
                if (setup?[ConfigKeys.Providers] is JsonObject providers)
                {
                    foreach (var (name, provider) in providers)
                    {
                        if (provider is JsonObject settings && settings.Remove("api_key") && shareSecrets)
                        {
                            providersShared[name] = new JsonObject { ["share_api_key"] = true };
                        }
                    }
                }

                kbShared |= setup?[ConfigKeys.KbServer] is JsonObject kb && kb.Remove("api_key");
            }
        }

        if (shareSecrets && (providersShared.Count > 0 || kbShared))
        {
            var inheritance = new JsonObject();
            if (providersShared.Count > 0)
            {
                inheritance[ConfigKeys.Providers] = providersShared;
            }

            if (kbShared)
            {
                inheritance[ConfigKeys.KbServer] = new JsonObject { ["share_api_key"] = true };
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
}
