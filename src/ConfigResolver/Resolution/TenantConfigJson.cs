using System.Text;
using System.Text.Json;

namespace ConfigResolver.Resolution;

/// <summary>
/// Writes a <see cref="TenantConfig"/> in the stable, documented JSON shape (docs/configuration.md):
/// <c>{"org": "...", "setup": "...", "values": {"&lt;pointer&gt;": {"value": ..., "layer": "org|env|system|default", "source": "...", "state": "set|disabled|absent|shared"}}}</c>.
/// </summary>
/// <remarks>
/// Absent values have <c>"value": null, "layer": null, "source": null</c>. Secrets are <c>"[redacted]"</c> unless
/// <c>revealSecrets</c> is true. With <c>explain</c>, each value also carries <c>"shadowed"</c> and, when there is one, <c>"note"</c>.
/// </remarks>
public static class TenantConfigJson
{
    /// <summary>Writes the configuration.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="config">The configuration.</param>
    /// <param name="revealSecrets">Write secrets in plaintext.</param>
    /// <param name="explain">Add shadowed values and notes.</param>
    public static void Write(Utf8JsonWriter writer, TenantConfig config, bool revealSecrets = false, bool explain = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(config);
        writer.WriteStartObject();
        writer.WriteString("org", config.OrganizationSlug);
        writer.WriteString("setup", config.Setup);
        writer.WriteStartObject("values");
        foreach (var value in config.AllValues)
        {
            writer.WriteStartObject(value.Pointer);
            writer.WritePropertyName("value");
            if (value.Value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                value.Value.WriteTo(writer, revealSecrets);
            }

            writer.WriteString("layer", ResolutionNames.ToName(value.Layer));
            writer.WriteString("source", value.Provenance.Source);
            writer.WriteString("state", ResolutionNames.ToName(value.State));
            if (explain)
            {
                WriteExplanation(writer, value.Provenance, revealSecrets);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>Returns the configuration as JSON text.</summary>
    /// <param name="config">The configuration.</param>
    /// <param name="revealSecrets">Write secrets in plaintext.</param>
    /// <param name="explain">Add shadowed values and notes.</param>
    /// <param name="indented">Indent the output.</param>
    /// <returns>The JSON.</returns>
    public static string Serialize(TenantConfig config, bool revealSecrets = false, bool explain = false, bool indented = true)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            Write(writer, config, revealSecrets, explain);
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    private static void WriteExplanation(Utf8JsonWriter writer, Provenance provenance, bool revealSecrets)
    {
        writer.WriteStartArray("shadowed");
        foreach (var shadowed in provenance.Shadowed)
        {
            writer.WriteStartObject();
            writer.WriteString("layer", ResolutionNames.ToName(shadowed.Layer));
            writer.WriteString("source", shadowed.Source);
            writer.WritePropertyName("value");
            // A withheld value is the operator's secret, not this organization's: never revealed here.
            shadowed.Value.WriteTo(writer, revealSecrets && !shadowed.Withheld);
            writer.WriteBoolean("withheld", shadowed.Withheld);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (provenance.Note is not null)
        {
            writer.WriteString("note", provenance.Note);
        }
    }
}
