using System.Text.Json;
using ConfigResolver.Configuration;
using ConfigResolver.Diagnostics;
using ConfigResolver.Shared;
using NJsonSchema.Validation;

namespace ConfigResolver.Validation;

/// <summary>
/// Converts NJsonSchema errors into diagnostics: RFC 6901 pointers, stable codes, what was expected and
/// what was found (secrets described by length only). Container errors are flattened to their leaves.
/// </summary>
internal static partial class SchemaErrorMapper
{
    public static void Map(IEnumerable<ValidationError> errors, JsonElement root, string? where, DiagnosticBag bag)
    {
        foreach (var error in SchemaErrorPaths.Leaves(errors))
        {
            var pointer = SchemaErrorPaths.ToPointer(error);
            var found = JsonPointer.TryResolve(root, pointer, out var element);
            var diagnostic = Convert(error, pointer, found ? element : default) with
            {
                Where = where,
                Line = error.HasLineInfo ? error.LineNumber : null,
                Column = error.HasLineInfo ? error.LinePosition : null,
            };
            bag.Add(diagnostic);
        }
    }

    private static Diagnostic Convert(ValidationError error, string pointer, JsonElement element)
    {
        var actual = ValueDescriber.Describe(element, pointer);
        var last = JsonPointer.LastSegment(pointer);
        var schema = error.Schema?.ActualSchema;
        switch (error.Kind)
        {
            case ValidationErrorKind.StringExpected:
            case ValidationErrorKind.NumberExpected:
            case ValidationErrorKind.IntegerExpected:
            case ValidationErrorKind.BooleanExpected:
            case ValidationErrorKind.ObjectExpected:
            case ValidationErrorKind.ArrayExpected:
            case ValidationErrorKind.NullExpected:
                return Diagnostic.Mismatch(DiagnosticCodes.WrongType, pointer, ExpectedType(error.Kind), ValueDescriber.DescribeKind(element) + Suffix(element, pointer));
            case ValidationErrorKind.PropertyRequired:
                return Diagnostic.Mismatch(DiagnosticCodes.MissingProperty, pointer, $"a '{last}' property", "none");
            case ValidationErrorKind.NoAdditionalPropertiesAllowed:
                return new Diagnostic(DiagnosticCodes.UnknownProperty, $"unknown property {ValueDescriber.Quote(last)}; expected {KnownNames(schema)}.")
                {
                    Pointer = pointer,
                    Expected = KnownNames(schema),
                    Actual = ValueDescriber.Quote(last),
                };
            case ValidationErrorKind.NotInEnumeration when pointer == "/version":
                return Diagnostic.Mismatch(DiagnosticCodes.UnsupportedVersion, pointer, "version 1, written 1 or '1.0'", actual);
            case ValidationErrorKind.NotInEnumeration when last == "inherits":
                return Diagnostic.Mismatch(DiagnosticCodes.InvalidSetupInheritance, pointer, "'default'", actual);
            case ValidationErrorKind.PatternMismatch or ValidationErrorKind.UriExpected when last is "base_url" or "url" or "server_url":
                return Diagnostic.Mismatch(DiagnosticCodes.InvalidUrl, pointer, UrlRules.Expectation, actual);
            case ValidationErrorKind.PatternMismatch or ValidationErrorKind.StringTooShort or ValidationErrorKind.StringTooLong
                when pointer == ConfigKeys.SignupKeyPointer:
                return Diagnostic.Mismatch(DiagnosticCodes.MalformedSignupKey, pointer, SignupKeyRules.Expectation, actual);
            case ValidationErrorKind.PatternMismatch when last is "provider" or "default_provider" or "connector":
                return Diagnostic.Mismatch(DiagnosticCodes.ConstraintViolated, pointer, "a provider name: 1-63 lowercase letters, digits, '_' or '-', starting with a letter or digit", actual);
            case ValidationErrorKind.NumberTooSmall:
                return Diagnostic.Mismatch(DiagnosticCodes.ConstraintViolated, pointer, $"at least {schema?.Minimum} (-1 means unlimited)", actual);
            case ValidationErrorKind.StringTooShort:
                return Diagnostic.Mismatch(DiagnosticCodes.ConstraintViolated, pointer, $"at least {schema?.MinLength} characters", actual);
            case ValidationErrorKind.StringTooLong:
                return Diagnostic.Mismatch(DiagnosticCodes.ConstraintViolated, pointer, $"at most {schema?.MaxLength} characters", LengthOf(element));
            case ValidationErrorKind.ItemsNotUnique:
                return Diagnostic.Mismatch(DiagnosticCodes.ConstraintViolated, pointer, "unique items", FirstDuplicate(element));
            case ValidationErrorKind.EmailExpected:
                return Diagnostic.Mismatch(DiagnosticCodes.ConstraintViolated, pointer, "an email address", actual);
            case ValidationErrorKind.NotInEnumeration:
                return Diagnostic.Mismatch(DiagnosticCodes.ConstraintViolated, pointer, "one of " + EnumValues(schema), actual);
            case ValidationErrorKind.PatternMismatch:
                return Diagnostic.Mismatch(DiagnosticCodes.ConstraintViolated, pointer, $"a value matching '{schema?.Pattern}'", actual);
            default:
                return Diagnostic.Mismatch(DiagnosticCodes.ConstraintViolated, pointer, Describe(error.Kind), actual);
        }
    }
}
