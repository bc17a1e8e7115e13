using System.Text.Json;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Tests.Support;
using ConfigResolver.TestData;
using ConfigResolver.Testing;

namespace ConfigResolver.Cli.Tests.Commands;

/// <summary>
/// <c>cfgr enforce</c> over every row of a model+policy+setup+context pair of the Casbin corpus: one output line per
/// row, equal to Go casbin's answer (<c>error: ...</c> where Go returns an error).
/// </summary>
public sealed class EnforceCorpusTests : IDisposable
{
    private static readonly Lazy<List<JsonElement>> s_corpus = new(static () =>
        [.. new[] { "cases.jsonl", "abac_cases.jsonl", "error_cases.jsonl" }
            .SelectMany(static f => TestDataFiles.ReadLines(Path.Combine(TestPaths.CasbinCorpus, f)))
            .Where(static l => l.Length > 0)
            .Select(static l => JsonSerializer.Deserialize<JsonElement>(l))]);

    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    public static TheoryData<string> Pairs() =>
    [
        "rbac_model+rbac_policy",
        "rbac_with_pattern_model+rbac_with_pattern_policy[g2=keyMatch2,g=keyMatch2]",
        "rbac_with_all_pattern_model+rbac_with_all_pattern_policy[g=keyMatch2,gdom=keyMatch2]",
        "ipmatch_model+ipmatch_policy",
        "abac_model+no_policy",
        "abac_model+no_policy[json]",
        "biba_model+no_policy",
        "multiple_policy_definitions_model+multiple_policy_definitions_policy{r2,p2,e,m2}",
        "priority_model_enforce_context+priority_policy_enforce_context{r2,p,e,m2}",
        "abac_rule_model+no_policy",
    ];

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Enforce_prints_go_casbins_answer_for_every_row_of_a_corpus_pair(string pair)
    {
        var rows = Rows(pair);
        var result = _sandbox.Run(Arguments(rows[0], _sandbox.Write("requests.jsonl", string.Join('\n', rows.Select(static r => r.GetProperty("request").GetRawText())))));

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Equal(string.Empty, result.Stderr);
        Assert.Equal(rows.Count, result.StdoutLines.Count);
        var mismatches = rows.Zip(result.StdoutLines)
            .Where(static x => !Agrees(x.First.GetProperty("expected"), x.Second))
            .Select(static x => $"{x.First.GetProperty("id").GetString()}: expected {x.First.GetProperty("expected")}, printed '{x.Second}'")
            .ToList();
        Assert.Empty(mismatches);
    }

    [Theory]
    [InlineData("rbac_model+rbac_with_cycle_policy", "POL1104")]
    [InlineData("basic_model+error_policy", "POL1102")]
    public void Enforce_refuses_a_pair_go_casbin_cannot_load_with_diagnostics_and_exit_code_1(string pair, string code)
    {
        var rows = Rows(pair);

        var result = _sandbox.Run(Arguments(rows[0], _sandbox.Write("requests.jsonl", rows[0].GetProperty("request").GetRawText())));

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        var line = Assert.Single(result.StderrLines);
        Assert.Contains($": error {code}: ", line, StringComparison.Ordinal);
        Assert.StartsWith(Path.GetFileName(rows[0].GetProperty("policy").GetString()!) + ":", line, StringComparison.Ordinal);
    }

    private string[] Arguments(JsonElement row, string requests)
    {
        var args = new List<string> { "enforce", "--model", _sandbox.CopyFromCorpus(row.GetProperty("model").GetString()!), "--requests", requests };
        if (row.GetProperty("policy").GetString() is { } policy)
        {
            args.AddRange(["--policy", _sandbox.CopyFromCorpus(policy)]);
        }

        if (row.TryGetProperty("setup", out var setup))
        {
            args.AddRange(["--setup", setup.GetRawText()]);
        }

        if (row.TryGetProperty("enforce_context", out var c))
        {
            args.AddRange(["--context", string.Join(',', new[] { "r", "p", "e", "m" }.Select(k => c.GetProperty(k).GetString()))]);
        }

        return [.. args];
    }

    private static bool Agrees(JsonElement expected, string printed) => expected.ValueKind switch
    {
        JsonValueKind.True => printed == "true",
        JsonValueKind.False => printed == "false",
        _ => printed.StartsWith("error: ", StringComparison.Ordinal),
    };

    private static List<JsonElement> Rows(string pair)
    {
        var rows = s_corpus.Value.Where(r => r.GetProperty("id").GetString()!.StartsWith(pair + "/", StringComparison.Ordinal)).ToList();
        Assert.True(rows.Count > 0, $"the corpus has no rows for '{pair}'");
        return rows;
    }
}
