using System.Globalization;
using System.Text;

namespace ConfigResolver.Policy.Diagnostics;

/// <summary>
/// One problem found while parsing or compiling a model, a policy or a policy file: a stable code,
/// where it is (file, line, column, and a pointer inside the document where one applies) and what was expected.
/// </summary>
/// <remarks>Immutable. <see cref="ToString"/> renders one compiler-style line, path first.</remarks>
public sealed record Diagnostic
{
    /// <summary>Creates a diagnostic.</summary>
    /// <param name="code">Stable code such as <c>POL1003</c>.</param>
    /// <param name="message">What is wrong, in one sentence.</param>
    /// <param name="file">The file (or source name) the problem is in, if known.</param>
    /// <param name="line">One-based line, or 0 when unknown.</param>
    /// <param name="column">One-based column, or 0 when unknown.</param>
    /// <param name="severity">How serious the problem is.</param>
    public Diagnostic(string code, string message, string? file = null, int line = 0, int column = 0, DiagnosticSeverity severity = DiagnosticSeverity.Error)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentNullException.ThrowIfNull(message);
        Code = code;
        Message = message;
        File = file;
        Line = line;
        Column = column;
        Severity = severity;
    }

    /// <summary>Stable code, e.g. <c>POL1003</c>; tests and tools match on it, not on the message.</summary>
    public string Code { get; }

    /// <summary>What is wrong, with quoted user values.</summary>
    public string Message { get; }

    /// <summary>File or source name, or <see langword="null"/> when the input did not come from a file.</summary>
    public string? File { get; init; }

    /// <summary>One-based line; 0 when unknown.</summary>
    public int Line { get; init; }

    /// <summary>One-based column; 0 when unknown.</summary>
    public int Column { get; init; }

    /// <summary>How serious the problem is.</summary>
    public DiagnosticSeverity Severity { get; init; }

    /// <summary>A JSON pointer inside the document (YAML and JSON inputs), or <see langword="null"/>.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "A JSON pointer (RFC 6901), not a memory pointer.")]
    public string? Pointer { get; init; }

    /// <summary>What was expected, when the message alone does not say it.</summary>
    public string? Expected { get; init; }

    /// <summary>What was found (never a secret's value).</summary>
    public string? Actual { get; init; }

    /// <summary>Renders <c>file:line:col: error CODE: /pointer: message</c>, leaving out the parts that are unknown.</summary>
    /// <returns>One line of text.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        if (File is not null)
        {
            sb.Append(File);
            if (Line > 0)
            {
                sb.Append(':').Append(Line.ToString(CultureInfo.InvariantCulture));
                if (Column > 0)
                {
                    sb.Append(':').Append(Column.ToString(CultureInfo.InvariantCulture));
                }
            }

            sb.Append(": ");
        }
        else if (Line > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{Line}:{Column}: ");
        }

        sb.Append(Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        });
        sb.Append(' ').Append(Code).Append(": ");
        if (Pointer is not null)
        {
            sb.Append(Pointer).Append(": ");
        }

        sb.Append(Message);
        return sb.ToString();
    }
}
