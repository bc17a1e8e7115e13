namespace ConfigResolver.Cli.Rendering;

/// <summary>
/// The command line's own diagnostic codes (<c>CLI</c>), beside the library's (<c>CFG</c>, <c>TEN</c>, <c>STO</c>,
/// <c>INP</c> in <c>ConfigResolver.Diagnostics.DiagnosticCodes</c>), the engine's (<c>POL1xxx</c>,
/// <c>PolicyDiagnosticCodes</c>) and the authorization layer's (<c>POL2xxx</c>, <c>AuthorizationDiagnosticCodes</c>).
/// Codes never change meaning.
/// </summary>
internal static class CliDiagnosticCodes
{
    /// <summary>A requests-file line that is not a JSON array.</summary>
    public const string RequestSyntax = "CLI1001";

    /// <summary>A request the engine could not evaluate (Go casbin's Enforce returns an error).</summary>
    public const string RequestNotEvaluated = "CLI1002";
}
