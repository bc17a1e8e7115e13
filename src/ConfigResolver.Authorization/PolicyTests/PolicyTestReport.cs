using System.Collections.Immutable;
using ConfigResolver.Authorization.Diagnostics;
using ConfigResolver.Diagnostics;

namespace ConfigResolver.Authorization.PolicyTests;

/// <summary>The outcome of running policy tests: one result per case that ran.</summary>
/// <param name="Results">The results, in file and case order.</param>
public sealed record PolicyTestReport(ImmutableArray<PolicyTestCaseResult> Results)
{
    /// <summary>Number of cases that passed.</summary>
    public int Passed => Results.Count(static r => r.Passed);

    /// <summary>Number of cases that failed.</summary>
    public int Failed => Results.Count(static r => !r.Passed);

    /// <summary>Whether every case passed.</summary>
    public bool Succeeded => Failed == 0;

    /// <summary>One diagnostic per failing case, at the case's name: <c>POL2018</c> for a wrong answer, <c>POL2024</c> when it could not be evaluated.</summary>
    public ImmutableArray<Diagnostic> Diagnostics =>
    [
        .. Results.Where(static r => !r.Passed).Select(static r => new Diagnostic(
            r.ActualAllow is null ? AuthorizationDiagnosticCodes.TestCaseError : AuthorizationDiagnosticCodes.TestCaseFailed,
            Describe(r), r.File, r.Line, r.Column)),
    ];

    private static string Describe(PolicyTestCaseResult r)
    {
        if (r.ActualAllow is null)
        {
            return $"case '{r.Case}' could not be evaluated: {r.Error}";
        }

        var reasons = r.Reasons.IsEmpty ? "(none)" : string.Join("; ", r.Reasons);
        return r.ActualAllow != r.ExpectedAllow
            ? $"case '{r.Case}': expected {r.Expected}, got {r.Actual}; reasons: {reasons}"
            : $"case '{r.Case}': {r.Error}; reasons: {reasons}";
    }
}
