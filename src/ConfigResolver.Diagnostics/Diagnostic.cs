using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace ConfigResolver.Diagnostics;

/// <summary>
/// One problem found in user input — an organization document, a tenancy write, a Casbin model or policy, a policy
/// file: a stable code, how serious it is, where it is (a subject such as <c>org 'acme'</c>, a file, line and column,
/// a JSON pointer), what was expected and what was found.
/// </summary>
/// <remarks>
/// <see cref="ToString"/> renders one line, place first, like a compiler:
/// <c>policies/roles.yaml:14:9: error POL2004: /roles/admin/inherits/0: unknown role 'ownr'; ...</c> or
/// <c>org 'acme': error CFG1003: /setups/default/providers/openai/base_url: expected an absolute http or https URL; found 'localhost:8080'.</c>
/// Diagnostics never contain secret values; <see cref="Actual"/> describes a secret by its length only.
/// Instances are immutable and safe to share between threads.
/// </remarks>
public sealed record Diagnostic
{
    /// <summary>Creates a diagnostic.</summary>
    /// <param name="code">The stable code, for example <c>CFG1003</c> or <c>POL1003</c>.</param>
    /// <param name="message">What is wrong, in one sentence.</param>
    /// <param name="file">The file (or source name) the problem is in, if it came from one.</param>
    /// <param name="line">One-based line, or 0 when unknown.</param>
    /// <param name="column">One-based column, or 0 when unknown.</param>
    /// <param name="severity">How serious the problem is.</param>
    /// <exception cref="ArgumentException"><paramref name="code"/> is empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> or <paramref name="message"/> is null.</exception>
    public Diagnostic(string code, string message, string? file = null, int line = 0, int column = 0, DiagnosticSeverity severity = DiagnosticSeverity.Error)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentNullException.ThrowIfNull(message);
        Code = code;
        Message = message;
        File = file;
        Line = line > 0 ? line : null;
        Column = column > 0 ? column : null;
        Severity = severity;
    }

    /// <summary>Gets the stable code, for example <c>CFG1003</c>. Tests and tools match on it, never on the prose.</summary>
    public string Code { get; }

    /// <summary>Gets the full sentence describing the problem, with user values in single quotes.</summary>
    public string Message { get; }

    /// <summary>Gets the severity; <see cref="DiagnosticSeverity.Error"/> unless set.</summary>
    public DiagnosticSeverity Severity { get; init; }

    /// <summary>Gets the subject the problem belongs to, for example <c>org 'acme'</c> or <c>user 'ann@example.com'</c>.</summary>
    public string? Where { get; init; }

    /// <summary>Gets the file (or source name) the input came from, when it came from one.</summary>
    public string? File { get; init; }

    /// <summary>Gets the 1-based line in the input, when known.</summary>
    public int? Line { get; init; }

    /// <summary>Gets the 1-based column in the input, when known.</summary>
    public int? Column { get; init; }

    /// <summary>Gets the RFC 6901 JSON pointer of the offending value inside its document, for example <c>/features/signup_key</c>.</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "A JSON pointer (RFC 6901), not a memory pointer.")]
    public string? Pointer { get; init; }

    /// <summary>Gets what was expected, for example <c>an absolute http or https URL</c>.</summary>
    public string? Expected { get; init; }

    /// <summary>Gets what was found, for example <c>'localhost:8080'</c> or <c>a 12-character value</c> for a secret.</summary>
    public string? Actual { get; init; }

    /// <summary>Creates an error whose message reads <c>expected {expected}; found {actual}.</c></summary>
    /// <param name="code">The stable code.</param>
    /// <param name="jsonPointer">The JSON pointer of the offending value.</param>
    /// <param name="expected">What was expected.</param>
    /// <param name="actual">What was found, already quoted or described.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic Mismatch(string code, string? jsonPointer, string expected, string actual) =>
        new(code, $"expected {expected}; found {actual}.")
        {
            Pointer = jsonPointer,
            Expected = expected,
            Actual = actual,
        };

    /// <summary>The name a severity is printed with: <c>error</c>, <c>warning</c> or <c>info</c>.</summary>
    /// <param name="severity">The severity.</param>
    /// <returns>Its name.</returns>
    public static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "error",
    };

    /// <summary>
    /// Renders the diagnostic as one line, place first: the subject, then <c>file:line:col</c> (the parts that are
    /// known; without a file, <c>line L, column C</c> when there is no pointer to say where instead), then the severity,
    /// the code, the pointer and the message.
    /// </summary>
    /// <returns>For example <c>org 'acme': error CFG1004: /colour: unknown property 'colour'; expected one of 'version', 'setups'.</c></returns>
    public override string ToString()
    {
        var builder = new StringBuilder(128);
        if (Where is not null)
        {
            builder.Append(Where);
        }

        if (File is not null)
        {
            AppendSeparator(builder).Append(File);
            if (Line is { } line)
            {
                builder.Append(':').Append(line.ToString(CultureInfo.InvariantCulture));
                if (Column is { } column)
                {
                    builder.Append(':').Append(column.ToString(CultureInfo.InvariantCulture));
                }
            }
        }
        else if (Line is not null && string.IsNullOrEmpty(Pointer))
        {
            AppendSeparator(builder).Append(CultureInfo.InvariantCulture, $"line {Line}, column {Column ?? 1}");
        }

        AppendSeparator(builder).Append(SeverityName(Severity)).Append(' ').Append(Code).Append(": ");
        if (!string.IsNullOrEmpty(Pointer))
        {
            builder.Append(Pointer).Append(": ");
        }

        return builder.Append(Message).ToString();
    }

    private static StringBuilder AppendSeparator(StringBuilder builder) =>
        builder.Length == 0 ? builder : builder.Append(": ");
}
