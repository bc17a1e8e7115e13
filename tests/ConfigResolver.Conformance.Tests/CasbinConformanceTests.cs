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

        EnforceResult result;
        try
        {
            result = enforcer.EnforceEx(context, request);
        }
        catch (PolicyEvaluationException e)
        {
            Assert.True(row.Expected == "error", row.Describe($"error: {e.Message}"));
            return;
        }

        Assert.True(row.Expected == (result.Allowed ? "true" : "false"), row.Describe(result.Allowed ? "true" : "false"));
        if (row.Explain is not null)
        {
            var expected = JsonSerializer.Deserialize<string[]>(row.Explain)!;
            Assert.True(expected.SequenceEqual(result.Explain), row.Describe($"explain [{string.Join(", ", result.Explain)}], expected explain {row.Explain}"));
        }
    }
}
