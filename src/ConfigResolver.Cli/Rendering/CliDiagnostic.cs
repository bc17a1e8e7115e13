using ConfigResolver.Policy.Diagnostics;
using ConfigDiagnostic = ConfigResolver.Diagnostics.Diagnostic;

namespace ConfigResolver.Cli.Rendering;

/// <summary>
/// A diagnostic as <c>--json</c> prints it, whichever engine reported it:
/// <c>{"code","severity","message","file","line","column","pointer","where"}</c> (absent parts are null).
/// </summary>
/// <param name="Code">The stable code (<c>POL2004</c>, <c>CFG1003</c>, <c>usage</c>).</param>
/// <param name="Severity"><c>error</c>, <c>warning</c> or <c>info</c>.</param>
/// <param name="Message">What is wrong, one line.</param>
/// <param name="File">The file, as the user named it, or null.</param>
/// <param name="Line">One-based line, or null.</param>
/// <param name="Column">One-based column, or null.</param>
/// <param name="Pointer">A JSON pointer inside the document, or null.</param>
/// <param name="Where">The subject of a tenancy diagnostic (<c>org 'acme'</c>), or null.</param>
internal sealed record CliDiagnostic(string Code, string Severity, string Message, string? File, int? Line, int? Column, string? Pointer, string? Where)
{
    /// <summary>From a policy-engine diagnostic.</summary>
    /// <param name="diagnostic">The diagnostic.</param>
    /// <returns>The JSON form.</returns>
    public static CliDiagnostic From(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return new(
            diagnostic.Code,
            diagnostic.Severity switch { DiagnosticSeverity.Error => "error", DiagnosticSeverity.Warning => "warning", _ => "info" },
            DiagnosticRenderer.OneLine(diagnostic.Message),
            diagnostic.File,
            diagnostic.Line > 0 ? diagnostic.Line : null,
            diagnostic.Column > 0 ? diagnostic.Column : null,
            diagnostic.Pointer,
            null);
    }

    /// <summary>From a tenancy or configuration diagnostic.</summary>
    /// <param name="diagnostic">The diagnostic.</param>
    /// <param name="inputFile">The file the checked document came from, as typed, or null.</param>
    /// <returns>The JSON form.</returns>
    public static CliDiagnostic From(ConfigDiagnostic diagnostic, string? inputFile)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var file = diagnostic.File ?? (diagnostic.Line is not null ? inputFile : null);
        var severity = diagnostic.Severity switch
        {
            ConfigResolver.Diagnostics.DiagnosticSeverity.Warning => "warning",
            ConfigResolver.Diagnostics.DiagnosticSeverity.Info => "info",
            _ => "error",
        };
        return new(diagnostic.Code, severity, DiagnosticRenderer.OneLine(diagnostic.Message), file, diagnostic.Line, diagnostic.Column, diagnostic.Pointer, diagnostic.Where);
    }

    /// <summary>A usage problem.</summary>
    /// <param name="message">The problem, one line.</param>
    /// <returns>The JSON form, code <c>usage</c>.</returns>
    public static CliDiagnostic Usage(string message) => new("usage", "error", message, null, null, null, null, null);
}
