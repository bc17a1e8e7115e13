using System.Globalization;
using System.Text;
using ConfigResolver.Policy.Diagnostics;

namespace ConfigResolver.Cli.Rendering;

/// <summary>
/// Renders diagnostics the way every <c>cfgr</c> command prints them: one line each, path first, like a compiler —
/// <c>file:line:col: error CODE: message</c>, leaving out the parts that are unknown.
/// </summary>
internal static class DiagnosticRenderer
{
    /// <summary>Renders a policy-engine diagnostic.</summary>
    /// <param name="diagnostic">The diagnostic.</param>
    /// <returns>One line.</returns>
    public static string Render(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var severity = diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        return Render(diagnostic.File, diagnostic.Line, diagnostic.Column, severity, diagnostic.Code, diagnostic.Pointer, diagnostic.Message);
    }

    /// <summary>Renders a diagnostic from its parts (for diagnostics of other engines and of the CLI itself).</summary>
    /// <param name="file">The file, or null.</param>
    /// <param name="line">One-based line, or 0 when unknown.</param>
    /// <param name="column">One-based column, or 0 when unknown.</param>
    /// <param name="severity"><c>error</c>, <c>warning</c> or <c>info</c>.</param>
    /// <param name="code">The stable code.</param>
    /// <param name="pointer">A JSON pointer inside the document, or null.</param>
    /// <param name="message">What is wrong.</param>
    /// <returns>One line.</returns>
    public static string Render(string? file, int line, int column, string severity, string code, string? pointer, string message)
    {
        var sb = new StringBuilder();
        if (file is not null)
        {
            sb.Append(file);
            if (line > 0)
            {
                sb.Append(':').Append(line.ToString(CultureInfo.InvariantCulture));
                if (column > 0)
                {
                    sb.Append(':').Append(column.ToString(CultureInfo.InvariantCulture));
                }
            }

            sb.Append(": ");
        }

        sb.Append(severity).Append(' ').Append(code).Append(": ");
        if (pointer is not null)
        {
            sb.Append(pointer).Append(": ");
        }

        return sb.Append(OneLine(message)).ToString();
    }

    /// <summary>Sorts diagnostics by file, line and column and renders each on its own line.</summary>
    /// <param name="diagnostics">The diagnostics.</param>
    /// <returns>The lines.</returns>
    public static IEnumerable<string> RenderAll(IEnumerable<Diagnostic> diagnostics) =>
        DiagnosticOrdering.SortAndDeduplicate(diagnostics).Select(Render);

    /// <summary>Joins the lines of a message with spaces, so that one problem is one line of output.</summary>
    /// <param name="message">Any message.</param>
    /// <returns>The message on one line.</returns>
    public static string OneLine(string message) =>
        message.Contains('\n', StringComparison.Ordinal) || message.Contains('\r', StringComparison.Ordinal)
            ? string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            : message;
}
