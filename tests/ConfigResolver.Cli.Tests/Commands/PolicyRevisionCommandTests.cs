using System.Text.Json;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Tests.Support;

namespace ConfigResolver.Cli.Tests.Commands;

/// <summary>
/// <c>cfgr policy push|history|show|rollback</c> and <c>cfgr check --policies store</c> on the seeded SQLite database.
/// </summary>
public sealed class PolicyRevisionCommandTests : IDisposable
{
    private const string Freeze = "kind: Rules\npackage: freeze\ndefault: deny\nrules:\n  - name: frozen\n    effect: deny\n    actions: [\"agents:write\"]\n    reason: \"beta is frozen\"\n";

    private readonly CliSandbox _sandbox = new();
    private readonly string _db;

    public PolicyRevisionCommandTests()
    {
        _db = TenancyDatabase.Seed(_sandbox);
        _sandbox.Environment["CFGR_AUTHOR"] = "ann@acme.example";
    }

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void Push_stores_a_revision_and_pushing_the_same_content_again_stores_nothing()
    {
        var policies = _sandbox.CopyShippedPolicies("pol");

        var first = _sandbox.Run("--db", _db, "policy", "push", policies, "--message", "first cut");
        var again = _sandbox.Run("--db", _db, "policy", "push", policies, "--message", "again");

        Golden.Match("policy_push", first);
        Golden.Match("policy_push_unchanged", again);
        Assert.Equal((ExitCodes.Ok, ExitCodes.Ok), (first.ExitCode, again.ExitCode));
        Assert.Single(JsonDocument.Parse(_sandbox.Run("--db", _db, "policy", "history", "--json").Stdout).RootElement.EnumerateArray());
    }

    [Fact]
    public void History_show_and_rollback_walk_the_revisions()
    {
        var policies = _sandbox.CopyShippedPolicies("pol");
        _sandbox.Run("--db", _db, "policy", "push", policies, "--message", "first cut");
        _sandbox.Clock.Advance(TimeSpan.FromMinutes(5));
        _sandbox.Write("pol/orgs/beta/freeze.yaml", Freeze);
        _sandbox.Environment["CFGR_AUTHOR"] = "carol@beta.example";
        Assert.Equal(ExitCodes.Ok, _sandbox.Run("--db", _db, "policy", "push", policies, "--message", "freeze beta").ExitCode);
        _sandbox.Clock.Advance(TimeSpan.FromMinutes(5));

        var rollback = _sandbox.Run("--db", _db, "policy", "rollback", "1", "--author", "ops");
        var history = _sandbox.Run("--db", _db, "policy", "history");
        var historyJson = _sandbox.Run("--db", _db, "policy", "history", "--json", "--limit", "2");
        var show = JsonDocument.Parse(_sandbox.Run("--db", _db, "policy", "show", "2", "--json").Stdout).RootElement;

        Golden.Match("policy_rollback", rollback);
        Golden.Match("policy_history", history);
        Golden.Match("policy_history_json", historyJson);
        Assert.Equal((2, "freeze beta", "carol@beta.example"), (show.GetProperty("revision").GetInt32(), show.GetProperty("message").GetString(), show.GetProperty("author").GetString()));
        var files = show.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("path").GetString()!, f => f.GetProperty("text").GetString());
        Assert.Equal(Freeze, files["orgs/beta/freeze.yaml"]);
        Assert.Equal(File.ReadAllText(Path.Combine(_sandbox.Root, "pol", "roles.yaml")), files["roles.yaml"]);
    }

    [Fact]
    public void Check_with_store_policies_follows_the_current_revision()
    {
        var policies = _sandbox.CopyShippedPolicies("pol");
        _sandbox.Run("--db", _db, "policy", "push", policies);
        var before = _sandbox.Run("--db", _db, "check", "--policies", "store", "--user", "carol@beta.example", "--org", "beta", "--action", "agents:write");
        _sandbox.Write("pol/orgs/beta/freeze.yaml", Freeze);
        _sandbox.Run("--db", _db, "policy", "push", policies);

        var after = _sandbox.Run("--db", _db, "check", "--policies", "store", "--user", "carol@beta.example", "--org", "beta", "--action", "agents:write", "--explain");

        Assert.Equal((ExitCodes.Ok, ExitCodes.Denied), (before.ExitCode, after.ExitCode));
        Golden.Match("check_policies_store", after);
    }

    [Fact]
    public void Check_with_store_policies_and_no_revision_is_a_clear_error()
    {
        var result = _sandbox.Run("--db", _db, "check", "--policies", "store", "--user", "carol@beta.example", "--org", "beta", "--action", "agents:write");

        Golden.Match("check_policies_store_none", result);
        Assert.Equal(ExitCodes.Failed, result.ExitCode);
    }

    public static TheoryData<string, string, int, string> Refusals() => new()
    {
        { "rules/broken.yaml", "kind: Rules\npackage: broken\ndefault: deny\nrules:\n  - name: x\n    effect: deny\n    when: [org.colour == 'red']\n", ExitCodes.Failed, "pol/rules/broken.yaml:7:16: error POL1012:" },
        { "orgs/acme/freeze.yaml", Freeze, ExitCodes.TestsFailed, "error POL2018:" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Push_refuses_a_directory_with_problems_or_failing_tests_and_stores_nothing(string path, string text, int exit, string expected)
    {
        var policies = _sandbox.CopyShippedPolicies("pol");
        _sandbox.Write("pol/" + path, text);

        var result = _sandbox.Run("--db", _db, "policy", "push", policies);

        Assert.Equal(exit, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.Contains("no policy revision has been pushed", _sandbox.Run("--db", _db, "policy", "history").Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("show", "7", ExitCodes.Failed, "error: there is no policy revision 7.")]
    [InlineData("show", "x", ExitCodes.Usage, "expected a revision number")]
    [InlineData("rollback", "current", ExitCodes.Usage, "needs a revision number")]
    [InlineData("rollback", "3", ExitCodes.Failed, "error: there is no policy revision 3.")]
    public void Unknown_or_malformed_revisions_are_errors(string command, string revision, int exit, string expected)
    {
        var result = _sandbox.Run("--db", _db, "policy", command, revision);

        Assert.Equal(exit, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
    }
}
