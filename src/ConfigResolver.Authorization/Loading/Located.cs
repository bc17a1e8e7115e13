using ConfigResolver.Diagnostics;

namespace ConfigResolver.Authorization.Loading;

/// <summary>A value read from a policy file and where it was written.</summary>
/// <param name="Value">The value.</param>
/// <param name="File">The file as named in diagnostics.</param>
/// <param name="Line">One-based line.</param>
/// <param name="Column">One-based column.</param>
/// <param name="Pointer">The JSON pointer of the value inside its document.</param>
internal readonly record struct Located(string Value, string File, int Line, int Column, string Pointer)
{
    /// <summary>A diagnostic at this value.</summary>
    public Diagnostic Error(string code, string message) => new(code, message, File, Line, Column) { Pointer = Pointer };

    /// <summary>The position as <c>file:line:col</c>.</summary>
    public string Where => $"{File}:{Line}:{Column}";

    /// <inheritdoc/>
    public override string ToString() => Value;
}
