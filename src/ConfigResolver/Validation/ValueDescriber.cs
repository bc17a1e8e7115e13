using System.Text.Json;
using ConfigResolver.Configuration;

namespace ConfigResolver.Validation;

/// <summary>
/// Renders a found value for a diagnostic: strings in single quotes (shortened), other values by kind.
/// Secret fields (<c>api_key</c>, <c>signup_key</c>) are described by length only, never echoed.
/// </summary>
internal static class ValueDescriber
{
    private const int MaxQuoted = 80;

    public static string Describe(JsonElement element, string pointer) =>
        ConfigKeys.IsSecretName(JsonPointer.LastSegment(pointer))
            ? DescribeSecret(element)
            : element.ValueKind switch
            {
                JsonValueKind.String => Quote(element.GetString()!),
                JsonValueKind.Number => element.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Null => "null",
                JsonValueKind.Object => "an object",
                JsonValueKind.Array => "an array",
                _ => "nothing",
            };

    public static string DescribeKind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => "nothing",
    };

    public static string Quote(string text)
    {
        var shown = text.Length > MaxQuoted ? string.Concat(text.AsSpan(0, MaxQuoted), "...") : text;
        shown = shown.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        return "'" + shown + "'";
    }

    public static string QuoteList(IEnumerable<string> items, int max = 10)
    {
        var quoted = items.Take(max + 1).Select(Quote).ToList();
        if (quoted.Count > max)
        {
            quoted[max] = "...";
        }

        return string.Join(", ", quoted);
    }

    // By type and length only: "a 12-character value", "a number", "an object".
    private static string DescribeSecret(JsonElement element) =>
        element.ValueKind == JsonValueKind.String
            ? Secret.DescribeLength(element.GetString()!.Length)
            : DescribeKind(element);
}
