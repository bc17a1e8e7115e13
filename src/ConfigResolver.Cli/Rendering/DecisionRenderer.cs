using System.Text.Encodings.Web;
using System.Text.Json;
using ConfigResolver.Policy;

namespace ConfigResolver.Cli.Rendering;

/// <summary>How <c>cfgr enforce</c> prints one decision: <c>true</c>/<c>false</c>, a JSON line with <c>--explain</c>, or an error.</summary>
internal static class DecisionRenderer
{
    // Relaxed escaping keeps rule text readable ('/', quotes and non-ASCII letters stay as written); the output is not HTML.
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The decision alone.</summary>
    /// <param name="allowed">The decision.</param>
    /// <returns><c>true</c> or <c>false</c>.</returns>
    public static string Decision(bool allowed) => allowed ? "true" : "false";

    /// <summary>The decision with the rule that decided it and the snapshot revision that answered.</summary>
    /// <param name="result">The result of <c>EnforceEx</c>.</param>
    /// <returns>One JSON object: <c>{"allowed":true,"explain":["alice","data1","read"],"revision":1}</c>.</returns>
    public static string Explained(EnforceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, s_options))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("allowed", result.Allowed);
            writer.WriteStartArray("explain");
            foreach (var field in result.Explain)
            {
                writer.WriteStringValue(field);
            }

            writer.WriteEndArray();
            writer.WriteNumber("revision", result.Revision);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>A request that could not be evaluated.</summary>
    /// <param name="message">Why.</param>
    /// <returns><c>error: &lt;message&gt;</c> on one line.</returns>
    public static string Error(string message) => "error: " + DiagnosticRenderer.OneLine(message);
}
