using System.Text;
using System.Text.Json;

namespace ConfigResolver.Routing;

/// <summary>
/// Writes a <see cref="CompletionRoute"/> in the stable JSON shape <c>cfgr route --json</c> prints:
/// <c>{"org", "setup", "candidates": [{"provider", "model", "base_url", "api_key", "reason"}], "refused": [{"provider", "model", "reason"}]}</c>.
/// </summary>
/// <remarks><c>api_key</c> is <c>"[redacted]"</c> when the candidate has a key and <c>null</c> when it has none: a key is never written.</remarks>
public static class CompletionRouteJson
{
    /// <summary>Writes the route.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="route">The route.</param>
    public static void Write(Utf8JsonWriter writer, CompletionRoute route)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(route);
        writer.WriteStartObject();
        writer.WriteString("org", route.OrganizationSlug);
        writer.WriteString("setup", route.Setup);
        writer.WriteStartArray("candidates");
        foreach (var candidate in route.Candidates)
        {
            writer.WriteStartObject();
            writer.WriteString("provider", candidate.Provider);
            writer.WriteString("model", candidate.Model);
            writer.WriteString("base_url", candidate.BaseUrl);
            writer.WriteString("api_key", candidate.ApiKey is null ? null : Configuration.Secret.Redacted);
            writer.WriteString("reason", candidate.Reason);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("refused");
        foreach (var refused in route.Refused)
        {
            writer.WriteStartObject();
            writer.WriteString("provider", refused.Provider);
            writer.WriteString("model", refused.Model);
            writer.WriteString("reason", refused.Reason);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Returns the route as JSON text.</summary>
    /// <param name="route">The route.</param>
    /// <param name="indented">Indent the output.</param>
    /// <returns>The JSON.</returns>
    public static string Serialize(CompletionRoute route, bool indented = false)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, NewLine = "\n" }))
        {
            Write(writer, route);
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }
}
