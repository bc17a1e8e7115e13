using System.Collections.Immutable;
using System.Text.Json;
using ConfigResolver.Diagnostics;

namespace ConfigResolver.Validation;

/// <summary>Strict JSON parsing (no comments, no trailing commas, no duplicate properties) with line/column errors.</summary>
internal static class JsonSyntax
{
    /// <summary>Parses <paramref name="json"/>; on failure returns one CFG1001 diagnostic and a null document.</summary>
    /// <remarks><see cref="DocumentScanner"/> has already held the depth to <paramref name="maxDepth"/>.</remarks>
    public static ImmutableArray<Diagnostic> TryParse(string json, string? where, int maxDepth, out JsonDocument? document)
    {
        var options = new JsonDocumentOptions
        {
            AllowTrailingCommas = false,
            CommentHandling = JsonCommentHandling.Disallow,
            AllowDuplicateProperties = false,
            MaxDepth = maxDepth + 1,
        };
        try
        {
            document = JsonDocument.Parse(json, options);
            return [];
        }
        catch (JsonException exception)
        {
            document = null;
            var reason = Reason(exception.Message);
            var line = (int)(exception.LineNumber ?? 0) + 1;
            var column = (int)(exception.BytePositionInLine ?? 0) + 1;
            string? pointer = null;
            if (exception.LineNumber is null && DuplicatePropertyFinder.TryFind(json, out var duplicateLine, out var duplicateColumn, out var duplicatePointer))
            {
                (line, column, pointer) = (duplicateLine, duplicateColumn, duplicatePointer);
            }

            return
            [
                new Diagnostic(DiagnosticCodes.InvalidJson, "invalid JSON: " + reason)
                {
                    Where = where,
                    Line = line,
                    Column = column,
                    Pointer = pointer,
                    Expected = "valid JSON",
                    Actual = reason,
                },
            ];
        }
    }

    // System.Text.Json appends "Path: $.x | LineNumber: 0 | BytePositionInLine: 5."; the diagnostic
    // carries the position itself. The reason names at most one character or a property name, never a value.
    private static string Reason(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        var reason = (cut >= 0 ? message[..cut] : message).Trim();
        if (reason.Length == 0)
        {
            return "the text is not JSON.";
        }

        reason = char.ToLowerInvariant(reason[0]) + reason[1..];
        return reason.EndsWith('.') ? reason : reason + ".";
    }
}
