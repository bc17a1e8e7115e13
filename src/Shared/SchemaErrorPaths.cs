using System.Text;
using NJsonSchema.Validation;

namespace ConfigResolver.Shared;

/// <summary>
/// What every NJsonSchema error mapper needs, compiled into each assembly that validates documents (the org-config
/// validator and the YAML policy loader) from this one file: container errors flattened to their leaves, and
/// NJsonSchema's paths (<c>#/roles.admin.inherits[0]</c>) turned into RFC 6901 pointers (<c>/roles/admin/inherits/0</c>).
/// </summary>
internal static class SchemaErrorPaths
{
    /// <summary>The errors that are not containers (oneOf, nested schemas), depth first.</summary>
    public static IEnumerable<ValidationError> Leaves(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            var nested = error switch
            {
                ChildSchemaValidationError child when child.Errors.Count > 0 => child.Errors.Values.SelectMany(static e => e),
                MultiTypeValidationError multi when multi.Errors.Count > 0 => multi.Errors.Values.SelectMany(static e => e),
                _ => null,
            };
            if (nested is null)
            {
                yield return error;
                continue;
            }

            foreach (var leaf in Leaves(nested))
            {
                yield return leaf;
            }
        }
    }

    /// <summary>The JSON pointer of the value the error is about (for a missing or extra property, the property itself).</summary>
    public static string ToPointer(ValidationError error)
    {
        var path = error.Path ?? "#/";
        path = path.StartsWith("#/", StringComparison.Ordinal) ? path[2..] : path.TrimStart('#');
        var property = error.Property;
        var namesChild = error.Kind is ValidationErrorKind.NoAdditionalPropertiesAllowed or ValidationErrorKind.PropertyRequired
            && !string.IsNullOrEmpty(property)
            && path.EndsWith(property, StringComparison.Ordinal);
        if (!namesChild)
        {
            return Convert(path);
        }

        // The property name may itself contain '.', so take it from Property rather than splitting the path.
        var parent = path[..^property!.Length].TrimEnd('.');
        return Convert(parent) + "/" + Escape(property);
    }

    /// <summary>RFC 6901 escaping of one segment.</summary>
    public static string Escape(string segment) =>
        segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static string Convert(string path)
    {
        var builder = new StringBuilder();
        foreach (var piece in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = piece.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? piece : piece[..bracket];
            if (name.Length > 0)
            {
                builder.Append('/').Append(Escape(name));
            }

            while (bracket >= 0)
            {
                var close = piece.IndexOf(']', bracket);
                if (close < 0)
                {
                    break;
                }

                builder.Append('/').Append(piece, bracket + 1, close - bracket - 1);
                bracket = piece.IndexOf('[', close);
            }
        }

        return builder.ToString();
    }
}
