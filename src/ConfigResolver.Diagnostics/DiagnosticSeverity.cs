namespace ConfigResolver.Diagnostics;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The input is rejected.</summary>
    Error = 0,

    /// <summary>The input is accepted, but probably not what was meant.</summary>
    Warning = 1,

    /// <summary>Informational only.</summary>
    Info = 2,
}
