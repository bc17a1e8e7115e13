using System.Globalization;
using ConfigResolver.Diagnostics;
using ConfigResolver.Tenancy;
using ConfigResolver.Validation;

namespace ConfigResolver.Commerce;

/// <summary>The diagnostics of refused quota, team and model-group writes, shared by every store and service.</summary>
public static class QuotaDiagnostics
{
    /// <summary>A count limit reached: <c>members: limit 5 reached (5 used)</c>.</summary>
    /// <param name="code">The code (<see cref="QuotaDiagnosticCodes.MembersLimit"/> and friends).</param>
    /// <param name="slug">The organization.</param>
    /// <param name="what">What is counted: <c>members</c>, <c>api_keys</c>, <c>teams</c>.</param>
    /// <param name="limit">The plan's limit.</param>
    /// <param name="used">How many are used.</param>
    /// <param name="plan">The plan's name.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic LimitReached(string code, string slug, string what, long limit, long used, string plan) =>
        new Diagnostic(code, $"{what}: limit {Number(limit)} reached ({Number(used)} used) on plan {ValueDescriber.Quote(plan)}.")
        {
            Where = TenancyDiagnostics.OrgSubject(slug),
            Pointer = "/quotas/" + what,
            Expected = $"at most {Number(limit)}",
            Actual = Number(used + 1),
        };

    /// <summary>A plan change refused because the organization already exceeds it: <c>members: 7 used, limit 5 (2 over)</c>.</summary>
    /// <param name="slug">The organization.</param>
    /// <param name="plan">The new plan.</param>
    /// <param name="what">What exceeds.</param>
    /// <param name="limit">The new plan's limit.</param>
    /// <param name="used">How many are used.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic PlanExceeded(string slug, string plan, string what, long limit, long used) =>
        new Diagnostic(QuotaDiagnosticCodes.PlanExceeded, $"{what}: {Number(used)} used, plan {ValueDescriber.Quote(plan)} allows {Number(limit)} ({Number(used - limit)} over); use --force to change the plan anyway.")
        {
            Where = TenancyDiagnostics.OrgSubject(slug),
            Pointer = "/quotas/" + what,
            Expected = $"at most {Number(limit)}",
            Actual = Number(used),
        };

    /// <summary>Builds a plain diagnostic about an organization.</summary>
    /// <param name="code">The code.</param>
    /// <param name="slug">The organization.</param>
    /// <param name="message">The message.</param>
    /// <param name="jsonPointer">Where in the organization's commerce document, if anywhere.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic About(string code, string slug, string message, string? jsonPointer = null) =>
        new(code, message) { Where = TenancyDiagnostics.OrgSubject(slug), Pointer = jsonPointer };

    /// <summary>Formats a number the way messages show it (invariant culture, no separators).</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text.</returns>
    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
