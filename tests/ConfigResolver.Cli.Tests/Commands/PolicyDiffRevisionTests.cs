using System.Text.Json;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Tests.Support;

namespace ConfigResolver.Cli.Tests.Commands;

/// <summary>
/// <c>policy diff --from REV --to REV</c> and the mixed forms on the seeded SQLite database with two pushed revisions:
/// revision 1 the shipped policies, revision 2 the same with <c>member</c> losing <c>agents:write</c>.
/// </summary>
public sealed class PolicyDiffRevisionTests : IDisposable
{
    private readonly CliSandbox _sandbox = new();
    private readonly string _db;

    public PolicyDiffRevisionTests()
    {
        _db = TenancyDatabase.Seed(_sandbox);
        _sandbox.Environment["CFGR_AUTHOR"] = "ann@acme.example";
        var policies = _sandbox.CopyShippedPolicies("pol");
        Assert.Equal(ExitCodes.Ok, _sandbox.Run("--db", _db, "policy", "push", policies, "--message", "shipped").ExitCode);
        RemoveMemberScope("pol", "agents:write");
        Assert.Equal(ExitCodes.Ok, _sandbox.Run("--db", _db, "policy", "push", policies, "--message", "members stop writing agents").ExitCode);
    }

    public void Dispose() => _sandbox.Dispose();

    public static TheoryData<string[], string, string, string> Sides => new()
    {
        { ["--from", "1", "--to", "2"], "revision 1", "revision 2", "allow>deny" },
        { ["--from", "1", "--to", "current"], "revision 1", "revision 2", "allow>deny" },
        { ["--from", "current", "--to", "1"], "revision 2", "revision 1", "deny>allow" },
        { ["--from", "current", "shipped"], "revision 2", "shipped", "deny>allow" },
        { ["shipped", "--to", "2"], "shipped", "revision 2", "allow>deny" },
    };

    [Theory]
    [MemberData(nameof(Sides))]
    public void Revisions_and_directories_compare_on_either_side(string[] sides, string from, string to, string change)
    {
        _sandbox.CopyShippedPolicies("shipped");

        var result = _sandbox.Run(["--db", _db, "policy", "diff", .. sides, "--json"]);

        Assert.Equal(ExitCodes.Changes, result.ExitCode);
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal((from, to), (root.GetProperty("from").GetString(), root.GetProperty("to").GetString()));
        var row = Assert.Single(root.GetProperty("changes").EnumerateArray());
        Assert.Equal(
            ("acme", "bob@acme.example", "agents:write", change),
            (row.GetProperty("org").GetString(), row.GetProperty("principal").GetString(), row.GetProperty("action").GetString(),
                $"{row.GetProperty("before").GetString()}>{row.GetProperty("after").GetString()}"));
    }

    [Fact]
    public void What_a_push_would_change_is_nothing_for_the_current_content_and_names_revision_files()
    {
        var unchanged = _sandbox.Run("--db", _db, "policy", "diff", "--from", "current", "pol");
        var text = _sandbox.Run("--db", _db, "policy", "diff", "--from", "1", "--to", "2");

        Assert.Equal(ExitCodes.Ok, unchanged.ExitCode);
        Assert.Equal(ExitCodes.Changes, text.ExitCode);
        Assert.Contains("'agents:write' comes from the scope 'agents:write' at (revision 1)/roles.yaml:", text.Stdout, StringComparison.Ordinal);
        Golden.Match("policy_diff_revisions", text);
    }

    public static TheoryData<string[], int, string> Refused => new()
    {
        { ["--from", "7", "--to", "2"], ExitCodes.Failed, "error: there is no policy revision 7; 'cfgr policy history' lists them." },
        { ["--from", "1", "--to", "9"], ExitCodes.Failed, "error: there is no policy revision 9; 'cfgr policy history' lists them." },
        { ["--from", "0", "--to", "2"], ExitCodes.Usage, "error: expected a revision number (1, 2, ...) or 'current'; found '0'." },
        { ["--from", "latest", "pol"], ExitCodes.Usage, "error: expected a revision number (1, 2, ...) or 'current'; found 'latest'." },
        { ["--from", "1", "--to", "2", "pol"], ExitCodes.Usage, "error: expected two policies: 'OLD_DIR NEW_DIR', '--from REV NEW_DIR', 'OLD_DIR --to REV' or '--from REV --to REV'; found 1 directory argument(s) and 2 revision(s)." },
        { ["--from", "1"], ExitCodes.Usage, "error: expected two policies: 'OLD_DIR NEW_DIR', '--from REV NEW_DIR', 'OLD_DIR --to REV' or '--from REV --to REV'; found 0 directory argument(s) and 1 revision(s)." },
        { ["pol"], ExitCodes.Usage, "error: expected two policies: 'OLD_DIR NEW_DIR', '--from REV NEW_DIR', 'OLD_DIR --to REV' or '--from REV --to REV'; found 1 directory argument(s) and 0 revision(s)." },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Unknown_revisions_and_wrong_sides_are_refused_with_a_clear_error(string[] sides, int exitCode, string error)
    {
        var result = _sandbox.Run(["--db", _db, "policy", "diff", .. sides]);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal(error, result.Stderr.Split('\n')[0]);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void Current_on_a_store_without_revisions_says_none_has_been_pushed()
    {
        using var empty = new CliSandbox();
        var db = TenancyDatabase.Seed(empty);
        empty.CopyShippedPolicies("pol");

        var result = empty.Run("--db", db, "policy", "diff", "--from", "current", "pol");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.StartsWith("error: there is no current policy revision: none has been pushed to this store", result.Stderr, StringComparison.Ordinal);
    }

    private void RemoveMemberScope(string directory, string scope)
    {
        var path = Path.Combine(_sandbox.Root, directory, "roles.yaml");
        var roles = File.ReadAllText(path);
        var line = roles.IndexOf("      - " + scope + "\n", roles.IndexOf("\n  member:\n", StringComparison.Ordinal), StringComparison.Ordinal);
        File.WriteAllText(path, roles.Remove(line, ("      - " + scope + "\n").Length));
    }
}
