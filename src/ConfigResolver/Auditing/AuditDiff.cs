using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ConfigResolver.Configuration;

namespace ConfigResolver.Auditing;

/// <summary>
/// Builds an audit event's <c>changes</c> object: field (or pointer) to <c>{"from", "to"}</c>, in the order added, only
/// for values that differ. Configuration documents are flattened to leaf pointers; every value under a secret name
/// (<c>api_key</c>, <c>signup_key</c>) becomes its fingerprint.
/// </summary>
internal sealed class AuditDiff
{
    // Audit text is read by people and tools, never embedded in HTML: keep '+', quotes and non-ASCII readable.
    private static readonly JsonSerializerOptions s_json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions s_writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly List<(string Field, string? From, string? To)> _entries = [];

    /// <summary>Adds a field whose values are rendered as JSON (strings quoted, null as null).</summary>
    public AuditDiff Value(string field, object? from, object? to)
    {
        var before = Render(from);
        var after = Render(to);
        if (before != after)
        {
            _entries.Add((field, before, after));
        }

        return this;
    }

    /// <summary>Adds a field that is always recorded, even when unchanged (what a write is about).</summary>
    public AuditDiff Always(string field, object? from, object? to)
    {
        _entries.Add((field, Render(from), Render(to)));
        return this;
    }

    /// <summary>Adds every leaf of two configuration documents that differs, under <paramref name="prefix"/>.</summary>
    public AuditDiff Document(string prefix, OrgConfigDocument? from, OrgConfigDocument? to)
    {
        var before = Flatten(from);
        var after = Flatten(to);
        foreach (var pointer in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var b = before.GetValueOrDefault(pointer);
            var a = after.GetValueOrDefault(pointer);
            if (b != a)
            {
                _entries.Add((prefix + pointer, b, a));
            }
        }

        return this;
    }

    /// <summary>The changes as one compact JSON object.</summary>
    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, s_writer))
        {
            writer.WriteStartObject();
            foreach (var (field, from, to) in _entries)
            {
                writer.WritePropertyName(field);
                writer.WriteStartObject();
                writer.WritePropertyName("from");
                WriteRaw(writer, from);
                writer.WritePropertyName("to");
                WriteRaw(writer, to);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteRaw(Utf8JsonWriter writer, string? json)
    {
        if (json is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteRawValue(json, skipInputValidation: true);
        }
    }

    private static string? Render(object? value) => value switch
    {
        null => null,
        string text => JsonSerializer.Serialize(text, s_json),
        bool flag => flag ? "true" : "false",
        DateTimeOffset time => JsonSerializer.Serialize(time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture), s_json),
        Guid id => JsonSerializer.Serialize(id.ToString("D"), s_json),
        ImmutableArray<string> list => JsonSerializer.Serialize(list.IsDefault ? [] : list.ToArray(), s_json),
        IEnumerable<string> list => JsonSerializer.Serialize(list.ToArray(), s_json),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => JsonSerializer.Serialize(value.ToString(), s_json),
    };

    /// <summary>Leaf pointer to compact JSON value; objects are walked, arrays and scalars are leaves, secrets fingerprinted.</summary>
    private static Dictionary<string, string> Flatten(OrgConfigDocument? document)
    {
        var leaves = new Dictionary<string, string>(StringComparer.Ordinal);
        if (document is not null)
        {
            Walk(document.Root, string.Empty, secret: false, leaves);
        }

        return leaves;
    }

    private static void Walk(JsonElement element, string pointer, bool secret, Dictionary<string, string> leaves)
    {
        if (element.ValueKind == JsonValueKind.Object && !secret)
        {
            var empty = true;
            foreach (var property in element.EnumerateObject())
            {
                empty = false;
                Walk(property.Value, pointer + "/" + JsonPointer.Escape(property.Name), ConfigKeys.IsSecretName(property.Name), leaves);
            }

            if (empty)
            {
                leaves[pointer] = "{}";
            }

            return;
        }

        leaves[pointer] = secret
            ? JsonSerializer.Serialize(SecretFingerprint.Of(element.ValueKind == JsonValueKind.String ? element.GetString()! : Compact(element)), s_json)
            : Compact(element);
    }

    private static string Compact(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, s_writer))
        {
            element.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
