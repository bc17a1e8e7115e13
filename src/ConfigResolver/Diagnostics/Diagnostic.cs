using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace ConfigResolver.Diagnostics;

/// <summary>
/// One problem found in user input: what, where, what was expected and what was found.
/// </summary>
/// <remarks>
/// <see cref="ToString"/> renders one line, place first, like a compiler:
/// <c>org 'acme': error CFG1003: /setups/default/providers/openai/base_url: expected an absolute http or https URL; found 'localhost:8080'.</c>
/// Diagnostics never contain secret values; <see cref="Actual"/> describes a secret by its length only.
/// Instances are immutable and safe to share between threads.
/// </remarks>
public sealed record Diagnostic
{
    /// <summary>Creates a diagnostic.</summary>
    /// <param name="code">The stable code, for example <c>CFG1003</c>; see <see cref="DiagnosticCodes"/>.</param>
    /// <param name="message">The full sentence describing the problem.</param>
    /// <exception cref="ArgumentException"><paramref name="code"/> or <paramref name="message"/> is empty.</exception>
    public Diagnostic(string code, string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        ArgumentException.ThrowIfNullOrEmpty(message);
        Code = code;
        Message = message;
    }

    /// <summary>Gets the stable code, for example <c>CFG1003</c>. Tests and tools match on it, never on the prose.</summary>
    public string Code { get; }

    /// <summary>Gets the full sentence describing the problem.</summary>
    public string Message { get; }

    /// <summary>Gets the severity; <see cref="DiagnosticSeverity.Error"/> unless set.</summary>
    public DiagnosticSeverity Severity { get; init; }

    /// <summary>Gets the subject the problem belongs to, for example <c>org 'acme'</c> or <c>user 'ann@example.com'</c>.</summary>
    public string? Where { get; init; }

    /// <summary>Gets the file the input came from, when it came from a file.</summary>
    public string? File { get; init; }

    /// <summary>Gets the 1-based line in the input, when known.</summary>
    public int? Line { get; init; }

    /// <summary>Gets the 1-based column in the input, when known.</summary>
    public int? Column { get; init; }

    /// <summary>Gets the RFC 6901 JSON pointer of the offending value, for example <c>/features/signup_key</c>.</summary>
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

    /// <summary>Renders the diagnostic as one line, place first.</summary>
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
            if (Line is not null)
            {
                builder.Append(CultureInfo.InvariantCulture, $":{Line}:{Column ?? 1}");
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

    internal static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "info",
        _ => "error",
    };

    private static StringBuilder AppendSeparator(StringBuilder builder) =>
        builder.Length == 0 ? builder : builder.Append(": ");
}
