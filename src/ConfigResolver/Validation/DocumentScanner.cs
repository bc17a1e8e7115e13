using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ConfigResolver.Diagnostics;
using ConfigResolver.Shared;

namespace ConfigResolver.Validation;

/// <summary>
/// The first validation stage: one forward pass over the document's tokens (no recursion, no tree) that enforces
/// <see cref="DocumentLimits"/> and the rules every later stage relies on: valid Unicode, numbers a 64-bit integer or a
/// finite double can hold, bounded depth, size and counts. A document over a size, depth or count limit is refused at
/// the first excess, before the schema or anything else spends time on it.
/// </summary>
/// <remarks>Malformed JSON is left to <see cref="JsonSyntax"/>, which reports it with its position.</remarks>
internal static partial class DocumentScanner
{
    private const int MaxReported = 20;

    public static ImmutableArray<Diagnostic> Scan(string json, DocumentLimits limits, string? where)
    {
        var lone = BoundedText.FindLoneSurrogate(json);
        if (lone >= 0)
        {
            var (line, column) = BoundedText.Position(json, lone);
            var found = string.Create(CultureInfo.InvariantCulture, $"a lone surrogate character U+{(int)json[lone]:X4}");
            return [Diagnostic.Mismatch(DiagnosticCodes.InvalidText, null, "valid Unicode text", found) with { Where = where, Line = line, Column = column }];
        }

        var size = Encoding.UTF8.GetByteCount(json);
        if (size > limits.MaxDocumentBytes)
        {
            return [Diagnostic.Mismatch(DiagnosticCodes.DocumentTooLarge, null, $"a document of at most {BoundedText.Size(limits.MaxDocumentBytes)}", $"{BoundedText.Size(size)}") with { Where = where }];
        }

        var bytes = Encoding.UTF8.GetBytes(json);
        var scan = new Walk(bytes, limits, where);
        try
        {
            scan.Run();
        }
        catch (JsonException)
        {
            // Malformed JSON: JsonSyntax reports it with its position.
        }
        catch (LimitExceededException)
        {
            // The diagnostic is already recorded; the rest of the document is not looked at.
        }

        return [.. scan.Found];
    }

    private sealed class LimitExceededException : Exception
    {
    }

    private sealed record Frame(string Pointer, bool IsArray, long Offset, int Limit)
    {
        public int Count { get; set; }
    }
}
