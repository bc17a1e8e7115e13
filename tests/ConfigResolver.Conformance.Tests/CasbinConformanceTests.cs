using System.Text.Json;
using ConfigResolver.Policy;
using ConfigResolver.Policy.Diagnostics;

namespace ConfigResolver.Conformance.Tests;

/// <summary>Every row of the shared Casbin corpus: the engine must give Go casbin's answer, errors included.</summary>
public sealed class CasbinConformanceTests
{
    public static TheoryData<string> Cases() => [.. CasbinCorpus.IdsOf("cases.jsonl")];

    public static TheoryData<string> AbacCases() => [.. CasbinCorpus.IdsOf("abac_cases.jsonl")];

    public static TheoryData<string> ErrorCases() => [.. CasbinCorpus.IdsOf("error_cases.jsonl")];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Row_of_cases_jsonl_matches_go_casbin(string id) => Check(id);

    [Theory]
    [MemberData(nameof(AbacCases))]
    public void Row_of_abac_cases_jsonl_matches_go_casbin(string id) => Check(id);

    [Theory]
    [MemberData(nameof(ErrorCases))]
    public void Row_of_error_cases_jsonl_matches_go_casbin(string id) => Check(id);

    [Fact]
    public void Corpus_has_every_row_the_readme_counts() => Assert.Equal(8343, CasbinCorpus.Cases.Count);

    private static (string Text, EnforceResult? Result) Outcome(Func<EnforceResult> enforce)
    {
        try
        {
            var result = enforce();
            return (result.Allowed ? "true" : "false", result);
        }
        catch (PolicyEvaluationException)
        {
            return ("error", null);
        }
    }

    private static void Check(string id)
    {
        var row = CasbinCorpus.Cases[id];
        var (enforcer, loadError) = CasbinCorpus.EnforcerFor(row);
        var goLoadError = row.GoError?.StartsWith("load:", StringComparison.Ordinal) == true;
        if (enforcer is null)
        {
            Assert.True(row.Expected == "error" && goLoadError, row.Describe($"load error: {loadError!.Message}"));
            return;
        }

        Assert.False(goLoadError, row.Describe("loaded (Go refuses to load this model and policy)"));
        var request = CasbinCorpus.RequestValues(row.Request);
        var context = row.Context is { } c
            ? new EnforceContext(c.GetProperty("r").GetString()!, c.GetProperty("p").GetString()!, c.GetProperty("e").GetString()!, c.GetProperty("m").GetString()!)
            : EnforceContext.Default;

        var actual = Outcome(() => enforcer.EnforceEx(context, request));
        Assert.True(row.Expected == actual.Text, row.Describe(actual.Text));

        // The scan is the reference the index must agree with, explanation included.
        var scanned = Outcome(() => CasbinCorpus.EnforcerFor(row, scanOnly: true).Enforcer!.EnforceEx(context, request));
        Assert.True(scanned.Text == actual.Text, row.Describe($"{actual.Text} indexed but {scanned.Text} scanned"));
        Assert.True(scanned.Result?.Explain.SequenceEqual(actual.Result!.Explain) ?? true, row.Describe("indexed and scanned explanations differ"));

        // Cached decisions (string requests, default context) must agree on the first call and on the hit.
        if (row.Context is null && request.All(static v => v is string))
        {
            for (var pass = 0; pass < 2; pass++)
            {
                var cached = Outcome(() => new EnforceResult(enforcer.Enforce(request), [], 0, false));
                Assert.True(cached.Text == actual.Text, row.Describe($"{cached.Text} from the cached path (pass {pass + 1})"));
            }
        }

        if (actual.Result is not { } result)
        {
            return;
        }

        if (row.Explain is not null)
        {
            var expected = JsonSerializer.Deserialize<string[]>(row.Explain)!;
            Assert.True(expected.SequenceEqual(result.Explain), row.Describe($"explain [{string.Join(", ", result.Explain)}], expected explain {row.Explain}"));
        }
    }
}
