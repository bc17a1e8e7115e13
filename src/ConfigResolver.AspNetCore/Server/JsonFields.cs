using System.Globalization;
using System.Text.Json;

namespace ConfigResolver.AspNetCore;

/// <summary>Strict field reading for the API's request objects: unknown fields and wrong types are refused with their JSON path.</summary>
internal static class JsonFields
{
    public static void RequireObject(JsonElement element, string path, params string[] known)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new RequestProblem(path, $"expected a JSON object; found {Describe(element)}.");
        }

        foreach (var property in element.EnumerateObject())
        {
            if (Array.IndexOf(known, property.Name) < 0)
            {
                throw new RequestProblem($"{path}.{property.Name}", $"unknown field '{property.Name}'; expected one of {string.Join(", ", known.Select(static k => $"'{k}'"))}.");
            }
        }
    }

    public static string RequiredString(JsonElement parent, string name, string path) =>
        OptionalString(parent, name, path) ?? throw new RequestProblem($"{path}.{name}", $"expected a string field '{name}'; found none.");

    public static string? OptionalString(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new RequestProblem($"{path}.{name}", $"expected a string; found {Describe(value)}.");
        }

        return value.GetString() is { Length: > 0 } text
            ? text
            : throw new RequestProblem($"{path}.{name}", "expected a non-empty string; found ''.");
    }

    public static bool OptionalBool(JsonElement parent, string name, string path)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new RequestProblem($"{path}.{name}", $"expected true or false; found {Describe(value)}."),
        };
    }

    public static DateTimeOffset? OptionalTime(JsonElement parent, string name, string path)
    {
        var text = OptionalString(parent, name, path);
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time)
            ? time
            : throw new RequestProblem($"{path}.{name}", $"expected an ISO 8601 time such as '2026-01-31T09:00:00Z'; found '{text}'.");
    }

    public static object? ToValue(JsonElement value, string path) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw new RequestProblem(path, "expected a number within the range of a double; found one out of range."),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Object => value.EnumerateObject().ToDictionary(p => p.Name, p => ToValue(p.Value, $"{path}.{p.Name}"), StringComparer.Ordinal),
        JsonValueKind.Array => value.EnumerateArray().Select((item, i) => ToValue(item, $"{path}[{i}]")).ToArray(),
        _ => null,
    };

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
