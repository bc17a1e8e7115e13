using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ConfigResolver.AspNetCore;

/// <summary>Writes RFC 9457 problem details (<c>application/problem+json</c>); extension members are snake_case.</summary>
internal static class Problems
{
    public const string ContentType = "application/problem+json";

    /// <summary>Compact JSON with readable escaping (quotes and angle brackets stay as typed; control characters are escaped).</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonSerializerOptions s_serializer = new() { Encoder = WriterOptions.Encoder };

    public static async Task WriteAsync(HttpContext context, int status, string title, string detail, params (string Name, object? Value)[] extensions)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("type", $"https://httpwg.org/specs/rfc9110.html#status.{status}");
            writer.WriteString("title", title);
            writer.WriteNumber("status", status);
            writer.WriteString("detail", detail);
            foreach (var (name, value) in extensions)
            {
                writer.WritePropertyName(name);
                JsonSerializer.Serialize(writer, value, s_serializer);
            }

            writer.WriteEndObject();
        }

        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }
}
