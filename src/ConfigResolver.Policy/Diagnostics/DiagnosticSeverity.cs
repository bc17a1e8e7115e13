namespace ConfigResolver.Policy.Diagnostics;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The input is rejected; nothing it describes takes effect.</summary>
    Error,

    /// <summary>The input is accepted but something in it deserves attention (for example an unindexed matcher).</summary>
    Warning,

    /// <summary>Information about how the input was compiled.</summary>
    Info,
}
