using System.Text.Json;

namespace ConfigResolver.Cli.Inputs;

/// <summary>
/// One line of a requests file: a JSON array of request values. Values reach the engine as Go casbin's harness
/// passes them: strings as strings, numbers as doubles, JSON objects as string-keyed dictionaries (read by
/// <c>r.obj.Owner</c>), booleans as booleans, arrays as object arrays.
/// </summary>
internal static class RequestLine
{
    /// <summary>Parses one line.</summary>
    /// <param name="line">The line.</param>
    /// <param name="values">The request values, when the line is well formed.</param>
    /// <param name="column">One-based column of the problem, when it is not.</param>
    /// <param name="error">What is wrong, or null.</param>
    /// <returns>Whether the line is a JSON array.</returns>
    public static bool TryParse(string line, out object?[] values, out int column, out string? error)
    {
        values = [];
        column = 0;
        error = null;
        try
        {
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                column = line.Length - line.TrimStart().Length + 1;
                error = $"expected a JSON array of request values such as [\"alice\", \"data1\", \"read\"]; found a JSON {Describe(document.RootElement.ValueKind)}.";
                return false;
            }

            values = [.. document.RootElement.EnumerateArray().Select(ToValue)];
            return true;
        }
        catch (JsonException e)
        {
            column = (int)(e.BytePositionInLine ?? 0) + 1;
            error = "expected a JSON array of request values; the line is not valid JSON.";
            return false;
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses to unescape "\ud800" without its pair: text must be valid Unicode.
            column = 1;
            error = "expected valid Unicode text; a string holds an escaped lone surrogate (\\uD800-\\uDFFF without its pair).";
            return false;
        }
        catch (FormatException)
        {
            column = 1;
            error = "expected numbers within the range of a double (about ±1.8e308); found a number out of that range.";
            return false;
        }
    }

    private static object? ToValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetDouble(out var number) && double.IsFinite(number) ? number : throw new FormatException("number out of range"),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Object => value.EnumerateObject().ToDictionary(static p => p.Name, static p => ToValue(p.Value), StringComparer.Ordinal),
        JsonValueKind.Array => value.EnumerateArray().Select(ToValue).ToArray(),
        _ => null,
    };

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };
}
