using System.Collections.Immutable;
using ConfigResolver.Configuration;
using ConfigResolver.Diagnostics;

namespace ConfigResolver.Validation;

/// <summary>The outcome of <see cref="OrgConfigValidator.Validate(string, string?, DocumentLimits)"/>: every diagnostic, and the document when there were no errors.</summary>
public sealed class OrgConfigValidationResult
{
    internal OrgConfigValidationResult(ImmutableArray<Diagnostic> diagnostics, OrgConfigDocument? document)
    {
        Diagnostics = diagnostics;
        Document = document;
    }

    /// <summary>Gets every problem found, sorted by line, column, pointer and code. Empty when the document is valid.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Gets the parsed document, or null when any diagnostic is an error.</summary>
    public OrgConfigDocument? Document { get; }

    /// <summary>Gets whether the document is valid.</summary>
    public bool IsValid => Document is not null;
}
