using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ConfigResolver.Authorization.Impact;
using ConfigResolver.Authorization.PolicyTests;
using ConfigResolver.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace ConfigResolver.Playground;

/// <summary>The playground's JSON: snake_case, like <c>cfgr --json</c>; the impact object has the shape of <c>cfgr policy diff --json</c>.</summary>
internal static class PlaygroundJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        PropertyNameCaseInsensitive = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = 16,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    public static IResult Result(object value) => Results.Json(value, Options);

    public static IResult Problem(string message, int status = StatusCodes.Status400BadRequest) =>
        Results.Json(new { ok = false, error = message }, Options, statusCode: status);

    public static object[] Diagnostics(IEnumerable<Diagnostic> diagnostics) =>
    [
        .. DiagnosticOrdering.SortAndDeduplicate(diagnostics).Select(static d => new
        {
            code = d.Code,
            severity = d.Severity == DiagnosticSeverity.Error ? "error" : "warning",
            message = d.Message,
            file = d.File,
            line = d.Line,
            column = d.Column,
            pointer = d.Pointer,
        }),
    ];

    public static object Case(PolicyTestCaseResult r) => new
    {
        suite = r.Suite,
        name = r.Case,
        file = r.File,
        line = r.Line,
        column = r.Column,
        passed = r.Passed,
        expected = r.Expected,
        actual = r.Actual,
        reasons = r.Reasons,
        problem = r.Error,
    };

    public static object Impact(PolicyImpact impact, object[] diagnostics) => new
    {
        ok = true,
        diagnostics,
        from = "serving",
        to = "working copy",
        changes = impact.Changes.Select(static c => new
        {
            org = c.Organization,
            principal = c.Principal,
            action = c.Action,
            resource = c.Resource,
            before = c.AllowedBefore ? "allow" : "deny",
            after = c.AllowedAfter ? "allow" : "deny",
            because_before = c.BecauseBefore,
            because_after = c.BecauseAfter,
        }),
        summary = new { orgs = impact.Organizations, principals = impact.Principals, gained = impact.Gained, lost = impact.Lost, decisions_compared = impact.DecisionsCompared },
    };
}
