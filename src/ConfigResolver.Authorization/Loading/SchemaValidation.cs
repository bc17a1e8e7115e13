using System.Globalization;
using System.Text.Json.Nodes;
using ConfigResolver.Authorization.Diagnostics;
using ConfigResolver.Diagnostics;
using ConfigResolver.Shared;
using NJsonSchema;
using NJsonSchema.Validation;

namespace ConfigResolver.Authorization.Loading;

/// <summary>
/// Stage 2 (Validate, schema part): checks a converted document against its JSON Schema with NJsonSchema and maps
/// each error back to the YAML line and column through the document's <see cref="PositionMap"/>. Container errors
/// (oneOf, nested schemas) are flattened to their leaves.
/// </summary>
internal static class SchemaValidation
{
    public static void Validate(YamlJsonDocument document, JsonSchema schema, ICollection<Diagnostic> diagnostics)
    {
        var json = document.Root?.ToJsonString() ?? "null";
        Map(schema.Validate(json), document, diagnostics);
    }

    private static void Map(IEnumerable<ValidationError> errors, YamlJsonDocument document, ICollection<Diagnostic> diagnostics)
    {
        foreach (var error in SchemaErrorPaths.Leaves(errors))
        {
            diagnostics.Add(Convert(error, document));
        }
    }

    private static Diagnostic Convert(ValidationError error, YamlJsonDocument document)
    {
        var pointer = SchemaErrorPaths.ToPointer(error);
        var position = document.Positions[pointer];
        var useKey = error.Kind is ValidationErrorKind.NoAdditionalPropertiesAllowed;
        var (line, column) = useKey ? (position.KeyLine, position.KeyColumn) : (position.Line, position.Column);
        var node = Find(document.Root, pointer);
        var last = LastSegment(pointer);
        var schema = error.Schema?.ActualSchema;
        var (code, message) = error.Kind switch
        {
            ValidationErrorKind.StringExpected or ValidationErrorKind.NumberExpected or ValidationErrorKind.IntegerExpected
                or ValidationErrorKind.BooleanExpected or ValidationErrorKind.ObjectExpected or ValidationErrorKind.ArrayExpected
                or ValidationErrorKind.NullExpected =>
                (AuthorizationDiagnosticCodes.WrongType, $"expected {ExpectedType(error.Kind)}; found {Describe(node)}."),
            ValidationErrorKind.PropertyRequired when last == "expect" =>
                (AuthorizationDiagnosticCodes.MissingExpectation, "the case states no expectation; add 'expect: allow' or 'expect: deny'."),
            ValidationErrorKind.PropertyRequired => (AuthorizationDiagnosticCodes.MissingProperty, $"missing required property '{last}'."),
            ValidationErrorKind.NoAdditionalPropertiesAllowed =>
                (AuthorizationDiagnosticCodes.UnknownProperty, $"unknown property '{last}'; expected {KnownNames(schema)}."),
            ValidationErrorKind.NotInEnumeration => (AuthorizationDiagnosticCodes.ConstraintViolated, $"expected {EnumValues(schema)}; found {Describe(node)}."),
            ValidationErrorKind.PatternMismatch => (AuthorizationDiagnosticCodes.ConstraintViolated, $"expected {PatternText(schema)}; found {Describe(node)}."),
            ValidationErrorKind.ItemsNotUnique => (AuthorizationDiagnosticCodes.DuplicateName, "the list has the same item twice."),
            ValidationErrorKind.TooFewItems => (AuthorizationDiagnosticCodes.ConstraintViolated, $"expected at least {schema?.MinItems} item(s)."),
            ValidationErrorKind.TooFewProperties => (AuthorizationDiagnosticCodes.ConstraintViolated, $"expected at least {schema?.MinProperties} entry(ies)."),
            ValidationErrorKind.StringTooShort => (AuthorizationDiagnosticCodes.ConstraintViolated, $"expected at least {schema?.MinLength} character(s); found {Describe(node)}."),
            _ => (AuthorizationDiagnosticCodes.ConstraintViolated, $"the value breaks the schema rule '{error.Kind}'; found {Describe(node)}."),
        };
        return new Diagnostic(code, message, document.File, line, column) { Pointer = pointer.Length == 0 ? "/" : pointer };
    }

    private static JsonNode? Find(JsonNode? root, string pointer)
    {
        var current = root;
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            current = current switch
            {
                JsonObject o => o[name],
                JsonArray a when int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
                _ => null,
            };
        }

        return current;
    }

    private static string LastSegment(string pointer)
    {
        var slash = pointer.LastIndexOf('/');
        return pointer[(slash + 1)..].Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
    }

    internal static string Describe(JsonNode? node) => node switch
    {
        null => "nothing (null)",
        JsonObject => "a mapping",
        JsonArray => "a list",
        JsonValue v when v.TryGetValue<string>(out var s) => $"the text '{s}'",
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        _ => $"the number {node.ToJsonString()}",
    };

    private static string ExpectedType(ValidationErrorKind kind) => kind switch
    {
        ValidationErrorKind.StringExpected => "text",
        ValidationErrorKind.NumberExpected => "a number",
        ValidationErrorKind.IntegerExpected => "an integer",
        ValidationErrorKind.BooleanExpected => "true or false",
        ValidationErrorKind.ObjectExpected => "a mapping",
        ValidationErrorKind.ArrayExpected => "a list",
        _ => "nothing (null)",
    };

    private static string KnownNames(JsonSchema? schema) =>
        schema is not null && schema.Properties.Count > 0
            ? "one of " + string.Join(", ", schema.Properties.Keys.Order(StringComparer.Ordinal).Select(static k => $"'{k}'"))
            : "no other properties";

    private static string EnumValues(JsonSchema? schema) =>
        schema is null || schema.Enumeration.Count == 0
            ? "an allowed value"
            : "one of " + string.Join(", ", schema.Enumeration.Select(static v => $"'{v}'"));

    private static string PatternText(JsonSchema? schema) => schema?.Pattern switch
    {
        null => "a value of the right form",
        var p when p.Contains(":([a-z]", StringComparison.Ordinal) && p.Contains("\\*", StringComparison.Ordinal) => "a scope pattern such as 'agents:read', 'agents:*' or '*:read'",
        var p when p.Contains(":[a-z]", StringComparison.Ordinal) => "a scope 'resource:verb' in lowercase letters, digits, '_' or '-'",
        var p when p.Contains("\\.", StringComparison.Ordinal) => "a dotted package name such as 'org.status'",
        var p => $"a name matching '{p}'",
    };
}
