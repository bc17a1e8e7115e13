using System.Collections.Immutable;
using System.Text.Json;
using ConfigResolver.Configuration;
using ConfigResolver.Diagnostics;

namespace ConfigResolver.Validation;

/// <summary>
/// Validates an organization configuration document: strict JSON syntax, the JSON Schema, then the
/// checks a schema cannot express. Every problem is reported at once.
/// </summary>
/// <remarks>
/// Signup-key uniqueness across organizations needs the store, so <see cref="Tenancy.TenantAdministration"/>
/// and the store check it. Stateless and safe for concurrent use.
/// </remarks>
public static class OrgConfigValidator
{
    /// <summary>Validates a document: limits first (a document over a size, depth or count limit is refused at once), then syntax, schema and rules.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="where">The subject diagnostics name, for example <c>org 'acme'</c>.</param>
    /// <param name="limits">The bounds on size, depth, counts, strings and numbers; <see cref="DocumentLimits.Default"/> when null.</param>
    /// <returns>Every diagnostic, and the document when valid.</returns>
    public static OrgConfigValidationResult Validate(string json, string? where = null, DocumentLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        limits ??= DocumentLimits.Default;
        var scanned = DocumentScanner.Scan(json, limits, where);
        if (!scanned.IsEmpty)
        {
            return new OrgConfigValidationResult(scanned, null);
        }

        var syntax = JsonSyntax.TryParse(json, where, limits.MaxDepth, out var document);
        if (document is null)
        {
            return new OrgConfigValidationResult(syntax, null);
        }

        using (document)
        {
            var root = document.RootElement;
            var bag = new DiagnosticBag();
            if (root.ValueKind != JsonValueKind.Object)
            {
                bag.Add(Diagnostic.Mismatch(DiagnosticCodes.WrongType, string.Empty, "an object", ValueDescriber.DescribeKind(root)) with { Where = where });
                return new OrgConfigValidationResult(bag.ToImmutable(), null);
            }

            var positions = JsonPositions.Parse(json, limits.MaxDepth);
            SchemaErrorMapper.Map(OrgConfigSchema.Schema.Validate(positions.Root), root, where, bag);

            var semantic = new DiagnosticBag();
            OrgConfigRules.Check(root, semantic);
            foreach (var diagnostic in semantic.ToImmutable())
            {
                var (line, column) = positions.Find(diagnostic.Pointer ?? string.Empty);
                bag.Add(diagnostic with { Where = where, Line = line, Column = column });
            }

            var diagnostics = bag.ToImmutable();
            return new OrgConfigValidationResult(diagnostics, bag.HasErrors ? null : OrgConfigDocument.FromValidated(root));
        }
    }

    internal static ImmutableArray<Diagnostic> WithoutPositions(ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics.Select(d => d with { Line = null, Column = null }).ToImmutableArray();
}
