using System.Globalization;
using System.Text.Json;
using ConfigResolver.Configuration;
using NJsonSchema.Validation;

namespace ConfigResolver.Validation;

internal static partial class SchemaErrorMapper
{
    private static string ExpectedType(ValidationErrorKind kind) => kind switch
    {
        ValidationErrorKind.StringExpected => "a string",
        ValidationErrorKind.NumberExpected => "a number",
        ValidationErrorKind.IntegerExpected => "an integer",
        ValidationErrorKind.BooleanExpected => "true or false",
        ValidationErrorKind.ObjectExpected => "an object",
        ValidationErrorKind.ArrayExpected => "an array",
        _ => "null",
    };

    // A wrong-typed scalar is shown too ("found a string 'yes'"), except inside a section that holds secrets, where it
    // is described by length only ("found a string, a 12-character value"): an API key pasted into the wrong slot.
    private static string Suffix(JsonElement element, string pointer)
    {
        if (element.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
        {
            return string.Empty;
        }

        if (!ConfigKeys.IsSensitivePointer(pointer) && pointer != ConfigKeys.SignupKeyPointer)
        {
            return " " + ValueDescriber.Describe(element, pointer);
        }

        return element.ValueKind == JsonValueKind.String ? ", " + Secret.DescribeLength(element.GetString()!.Length) : string.Empty;
    }

    private static string KnownNames(NJsonSchema.JsonSchema? schema)
    {
        if (schema is not null && schema.Properties.Count > 0)
        {
            return "one of " + ValueDescriber.QuoteList(schema.Properties.Keys, max: 20);
        }

        return "a name of 1-63 lowercase letters, digits, '_' or '-', starting with a letter or digit";
    }

    private static string EnumValues(NJsonSchema.JsonSchema? schema) =>
        schema is null ? "the allowed values" : string.Join(", ", schema.Enumeration.Select(v => v is string s ? ValueDescriber.Quote(s) : System.Convert.ToString(v, CultureInfo.InvariantCulture)));

    private static string LengthOf(JsonElement element) =>
        element.ValueKind == JsonValueKind.String ? Secret.DescribeLength(element.GetString()!.Length) : ValueDescriber.DescribeKind(element);

    private static string FirstDuplicate(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in element.EnumerateArray())
            {
                if (!seen.Add(item.GetRawText()))
                {
                    return ValueDescriber.Describe(item, string.Empty) + " more than once";
                }
            }
        }

        return "duplicate items";
    }

    private static string Describe(ValidationErrorKind kind)
    {
        var name = kind.ToString();
        return "a value satisfying '" + name + "'";
    }
}
