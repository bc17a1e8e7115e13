using ConfigDiagnostic = ConfigResolver.Diagnostics.Diagnostic;

namespace ConfigResolver.Cli.Rendering;

/// <summary>
/// Renders the tenancy and resolution library's diagnostics one line each, subject first:
/// <c>org 'acme': error CFG1003: /setups/default/providers/openai/base_url: expected ...</c>.
/// A JSON syntax error in a file the user gave names the file: <c>org 'acme': acme.json:3:13: error CFG1001: ...</c>.
/// </summary>
internal static class ConfigDiagnosticRenderer
{
    /// <summary>Renders diagnostics in the order the library sorted them.</summary>
    /// <param name="diagnostics">The diagnostics.</param>
    /// <param name="inputFile">The file the checked document came from, as typed, or null.</param>
    /// <returns>One line per diagnostic.</returns>
    public static IEnumerable<string> RenderAll(IEnumerable<ConfigDiagnostic> diagnostics, string? inputFile) =>
        diagnostics.Select(d => Render(d, inputFile));

    /// <summary>Renders one diagnostic.</summary>
    /// <param name="diagnostic">The diagnostic.</param>
    /// <param name="inputFile">The file the checked document came from, as typed, or null.</param>
    /// <returns>One line.</returns>
    public static string Render(ConfigDiagnostic diagnostic, string? inputFile)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var located = inputFile is not null && diagnostic.File is null && diagnostic.Line is not null
            ? diagnostic with { File = inputFile }
            : diagnostic;
        return DiagnosticRenderer.OneLine(located.ToString());
    }
}
