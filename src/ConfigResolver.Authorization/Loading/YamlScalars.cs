using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;

namespace ConfigResolver.Authorization.Loading;

/// <summary>Types plain YAML scalars as the YAML 1.2 core schema does (null, booleans, numbers); quoted and block scalars stay strings.</summary>
internal static class YamlScalars
{
    public static JsonNode? ToJson(string value, ScalarStyle style)
    {
        if (style is not ScalarStyle.Plain and not ScalarStyle.Any)
        {
            return JsonValue.Create(value);
        }

        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        if (IsInteger(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }

        // A float beyond double's range stays text (the schema then reports it); JSON has no infinity.
        if (IsFloat(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return JsonValue.Create(number);
        }

        return JsonValue.Create(value);
    }

    private static bool IsInteger(string value)
    {
        var start = value.Length > 0 && (value[0] == '-' || value[0] == '+') ? 1 : 0;
        if (start == value.Length)
        {
            return false;
        }

        for (var i = start; i < value.Length; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsFloat(string value)
    {
        var digits = false;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                digits = true;
            }
            else if (c is not ('.' or 'e' or 'E' or '-' or '+'))
            {
                return false;
            }
        }

        return digits && value.Contains('.', StringComparison.Ordinal);
    }
}
