using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ConfigResolver.AspNetCore;

/// <summary>
/// Reads a request body as one JSON document within bounds: at most the configured size (larger bodies are refused
/// before parsing), depth 64, valid UTF-8 JSON. Every refusal is a <see cref="RequestProblem"/> naming where.
/// </summary>
internal static class JsonBody
{
    public const int MaxDepth = 64;

    public static async Task<JsonDocument> ReadAsync(HttpRequest request, int maxBytes)
    {
        if (request.ContentLength is { } length && length > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            throw new RequestProblem("$", "expected a JSON object; found an empty body.");
        }

        try
        {
            return JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1})" : string.Empty;
            throw new RequestProblem(e.Path ?? "$", $"expected valid JSON at most {MaxDepth} levels deep; found invalid JSON{where}.");
        }
    }

    private static RequestProblem TooLarge(int maxBytes) =>
        new("$", $"expected a body of at most {maxBytes} bytes; found a larger one.");
}
