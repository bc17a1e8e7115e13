using System.Collections.Immutable;

namespace ConfigResolver.Authorization.PolicyTests;

/// <summary>The outcome of one policy test case.</summary>
/// <param name="Suite">The suite's name.</param>
/// <param name="Case">The case's name.</param>
/// <param name="File">The test file, as named in diagnostics.</param>
/// <param name="Line">One-based line of the case's name.</param>
/// <param name="Column">One-based column of the case's name.</param>
/// <param name="ExpectedAllow">The expected decision.</param>
/// <param name="ActualAllow">The decision, or null when the case could not be evaluated.</param>
/// <param name="ExpectedReason">Text a reason had to contain, or null.</param>
/// <param name="Reasons">The decision's reasons (and its "why not", if any).</param>
/// <param name="Error">Why the case could not be evaluated, or why its reason did not match; null otherwise.</param>
public sealed record PolicyTestCaseResult(
    string Suite, string Case, string File, int Line, int Column, bool ExpectedAllow, bool? ActualAllow, string? ExpectedReason, ImmutableArray<string> Reasons, string? Error)
{
    /// <summary>Whether the case passed: the decision as expected, and the reason found when one was expected.</summary>
    public bool Passed => ActualAllow == ExpectedAllow && Error is null;

    /// <summary>The expected decision as written.</summary>
    public string Expected => ExpectedAllow ? "allow" : "deny";

    /// <summary>The actual decision, or <c>error</c>.</summary>
    public string Actual => ActualAllow switch { true => "allow", false => "deny", null => "error" };
}
