namespace ConfigResolver.Cli.Rendering;

/// <summary>
/// A diagnostic as <c>--json</c> prints it, whichever part of ConfigResolver reported it (built by
/// <see cref="DiagnosticRenderer.ToJson"/>): <c>{"code","severity","message","file","line","column","pointer","where"}</c>
/// (absent parts are null).
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
    /// <summary>A usage problem.</summary>
    /// <param name="message">The problem, one line.</param>
    /// <returns>The JSON form, code <c>usage</c>.</returns>
    public static CliDiagnostic Usage(string message) => new("usage", "error", message, null, null, null, null, null);
}
