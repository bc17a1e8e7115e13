using System.Collections.Immutable;
using ConfigResolver.Diagnostics;

namespace ConfigResolver.Cli.Rendering;

/// <summary>
/// The one way every <c>cfgr</c> command prints a problem, whichever part of ConfigResolver found it (the tenancy
/// library, the policy engine, the authorization loader, the command line itself): one line each, place first, like a
/// compiler — <c>org 'acme': error CFG1003: /setups/...: expected ...</c> or <c>file:line:col: error POL2004: ...</c> —
/// and, for <c>--json</c>, the same diagnostic as a <see cref="CliDiagnostic"/>.
/// </summary>
internal static class DiagnosticRenderer
{
    /// <summary>Renders one diagnostic as one line.</summary>
    /// <param name="diagnostic">The diagnostic.</param>
    /// <param name="inputFile">The file the checked document came from, as typed, or null; named when the diagnostic has a position but no file.</param>
    /// <returns>One line.</returns>
    public static string Render(Diagnostic diagnostic, string? inputFile = null)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return OneLine(Located(diagnostic, inputFile).ToString());
    }

    /// <summary>Renders diagnostics in the order given, one line each.</summary>
    /// <param name="diagnostics">The diagnostics, in the order their source sorted them.</param>
    /// <param name="inputFile">The file the checked document came from, as typed, or null.</param>
    /// <returns>The lines.</returns>
    public static IEnumerable<string> RenderAll(IEnumerable<Diagnostic> diagnostics, string? inputFile = null) =>
        diagnostics.Select(d => Render(d, inputFile));

    /// <summary>Diagnostics of files (models, policies, policy directories) as compilers print them: sorted by file, line and column, duplicates dropped.</summary>
    /// <param name="diagnostics">The diagnostics.</param>
    /// <returns>The sorted diagnostics.</returns>
    public static ImmutableArray<Diagnostic> InFileOrder(IEnumerable<Diagnostic> diagnostics) => DiagnosticOrdering.SortAndDeduplicate(diagnostics);

    /// <summary>The <c>--json</c> form of a diagnostic.</summary>
    /// <param name="diagnostic">The diagnostic.</param>
    /// <param name="inputFile">The file the checked document came from, as typed, or null.</param>
    /// <returns>The JSON form.</returns>
    public static CliDiagnostic ToJson(Diagnostic diagnostic, string? inputFile = null)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var located = Located(diagnostic, inputFile);
        return new(located.Code, Diagnostic.SeverityName(located.Severity), OneLine(located.Message), located.File, located.Line, located.Column, located.Pointer, located.Where);
    }

    /// <summary>Joins the lines of a message with spaces, so that one problem is one line of output.</summary>
    /// <param name="message">Any message.</param>
    /// <returns>The message on one line.</returns>
    public static string OneLine(string message) =>
        message.Contains('\n', StringComparison.Ordinal) || message.Contains('\r', StringComparison.Ordinal)
            ? string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            : message;

    // A document the user named (org config set --file) is checked as text: its positions are in that file.
    private static Diagnostic Located(Diagnostic diagnostic, string? inputFile) =>
        inputFile is not null && diagnostic.File is null && diagnostic.Line is not null ? diagnostic with { File = inputFile } : diagnostic;
}
