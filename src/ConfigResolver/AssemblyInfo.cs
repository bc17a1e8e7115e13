[assembly: System.CLSCompliant(false)]

// Diagnostic and DiagnosticSeverity moved to ConfigResolver.Diagnostics (shared with the policy engine); code built
// against ConfigResolver 0.9.0 finds them there.
[assembly: System.Runtime.CompilerServices.TypeForwardedTo(typeof(ConfigResolver.Diagnostics.Diagnostic))]
[assembly: System.Runtime.CompilerServices.TypeForwardedTo(typeof(ConfigResolver.Diagnostics.DiagnosticSeverity))]
