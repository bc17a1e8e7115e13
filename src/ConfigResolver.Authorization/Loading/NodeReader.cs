using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace ConfigResolver.Authorization.Loading;

/// <summary>Typed reads from a schema-checked document, each value located at its YAML position.</summary>
internal sealed class NodeReader(YamlJsonDocument document)
{
    public string File => document.File;

    public JsonObject Root => (JsonObject)document.Root!;

    /// <summary>The value at the node's start.</summary>
    public Located At(string pointer, string value)
    {
        var p = document.Positions[pointer];
        return new Located(value, document.File, p.Line, p.Column, pointer);
    }

    /// <summary>The value at its first text character (inside quotes, or the first line of a block scalar).</summary>
    public Located Text(string pointer, string value)
    {
        var p = document.Positions[pointer];
        return new Located(value, document.File, p.TextLine, p.TextColumn, pointer);
    }

    /// <summary>A mapping key at its own position.</summary>
    public Located Key(string pointer, string key)
    {
        var p = document.Positions[pointer];
        return new Located(key, document.File, p.KeyLine, p.KeyColumn, pointer);
    }

    public static string? String(JsonNode? parent, string name) => parent is JsonObject o && o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public static bool Bool(JsonNode? parent, string name) => parent is JsonObject o && o[name] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    /// <summary>The strings of a list property, each located (at its text when <paramref name="atText"/>).</summary>
    public ImmutableArray<Located> Strings(JsonNode? parent, string pointer, string name, bool atText = false)
    {
        if (parent is not JsonObject o || o[name] is not JsonArray array)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<Located>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonValue v && v.TryGetValue<string>(out var s))
            {
                var itemPointer = $"{pointer}/{name}/{i}";
                result.Add(atText ? Text(itemPointer, s) : At(itemPointer, s));
            }
        }

        return result.ToImmutable();
    }

    /// <summary>The entries of a mapping property, keys located.</summary>
    public IEnumerable<(Located Key, JsonNode? Value, string Pointer)> Entries(JsonNode? parent, string pointer, string name)
    {
        if (parent is not JsonObject o || o[name] is not JsonObject map)
        {
            yield break;
        }

        foreach (var (key, value) in map)
        {
            var childPointer = $"{pointer}/{name}/{PositionMap.Escape(key)}";
            yield return (Key(childPointer, key), value, childPointer);
        }
    }
}
