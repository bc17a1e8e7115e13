using System.Text;
using System.Text.Json;

namespace ConfigResolver.Configuration;

/// <summary>RFC 6901 JSON pointer helpers.</summary>
internal static class JsonPointer
{
    public static string Escape(string segment) =>
        segment.Contains('~', StringComparison.Ordinal) || segment.Contains('/', StringComparison.Ordinal)
            ? segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)
            : segment;

    public static string Unescape(string segment) =>
        segment.Contains('~', StringComparison.Ordinal)
            ? segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)
            : segment;

    public static string Combine(string parent, string segment) => parent + "/" + Escape(segment);

    public static string FromSegments(IEnumerable<string> segments)
    {
        var builder = new StringBuilder();
        foreach (var segment in segments)
        {
            builder.Append('/').Append(Escape(segment));
        }

        return builder.ToString();
    }

    public static IReadOnlyList<string> Split(string pointer)
    {
        if (string.IsNullOrEmpty(pointer))
        {
            return [];
        }

        var parts = pointer[1..].Split('/');
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = Unescape(parts[i]);
        }

        return parts;
    }

    public static string LastSegment(string pointer)
    {
        var index = pointer.LastIndexOf('/');
        return index < 0 ? pointer : Unescape(pointer[(index + 1)..]);
    }

    /// <summary>Finds the element a pointer addresses, or returns false.</summary>
    public static bool TryResolve(JsonElement root, string pointer, out JsonElement element)
    {
        element = root;
        foreach (var segment in Split(pointer))
        {
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(segment, out var child))
            {
                element = child;
            }
            else if (element.ValueKind == JsonValueKind.Array
                && int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                && index < element.GetArrayLength())
            {
                element = element[index];
            }
            else
            {
                return false;
            }
        }

        return true;
    }
}
