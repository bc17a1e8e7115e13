using System.Text.Json;
using System.Text.RegularExpressions;
using ConfigResolver.Cli.Tests.Support;

namespace ConfigResolver.Cli.Tests.Commands;

/// <summary>
/// <c>policy diff</c> as a user drives it: the issue's "done means" (shipped policies against a copy where
/// <c>member</c> loses <c>agents:write</c>: exactly the members who lose it, in every organization, exit 5), no change
/// (exit 0), and both sides linted and tested first (exit 1, problems as <c>policy lint</c> prints them).
/// </summary>
public sealed class PolicyDiffCommandTests : IDisposable
{
    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void Member_losing_agents_write_lists_exactly_the_members_who_lose_it_in_every_organization()
    {
        var db = Seed();
        var (old, @new) = (_sandbox.CopyShippedPolicies("old"), _sandbox.CopyShippedPolicies("new"));
        RemoveMemberScope(@new, "agents:write");

        var result = _sandbox.Run("--db", db, "policy", "diff", old, @new, "--json");

        Assert.Equal(5, result.ExitCode);
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        var changes = root.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(
            [("acme", "bob@acme.example"), ("beta", "bob@acme.example"), ("gamma", "dave@example.com")],
            changes.Select(static c => (c.GetProperty("org").GetString(), c.GetProperty("principal").GetString())));
        Assert.All(changes, static c => Assert.Equal(JsonValueKind.Null, c.GetProperty("resource").ValueKind));
        Assert.All(changes, static c =>
        {
            Assert.Equal(("agents:write", "allow", "deny"), (c.GetProperty("action").GetString(), c.GetProperty("before").GetString(), c.GetProperty("after").GetString()));
            Assert.Contains("role 'member'", c.GetProperty("because_before").GetString(), StringComparison.Ordinal);
            Assert.Contains("missing role", c.GetProperty("because_after").GetString(), StringComparison.Ordinal);
        });
        var summary = root.GetProperty("summary");
        Assert.Equal((3, 3, 0, changes.Count), (summary.GetProperty("orgs").GetInt32(), summary.GetProperty("principals").GetInt32(), summary.GetProperty("gained").GetInt32(), summary.GetProperty("lost").GetInt32()));
        Assert.Equal(("old", "new"), (root.GetProperty("from").GetString(), root.GetProperty("to").GetString()));
        Golden.Match("policy_diff", _sandbox.Run("--db", db, "policy", "diff", old, @new));
    }

    [Fact]
    public void Org_restricts_the_comparison_to_one_organization()
    {
        var db = Seed();
        var (old, @new) = (_sandbox.CopyShippedPolicies("old"), _sandbox.CopyShippedPolicies("new"));
        RemoveMemberScope(@new, "agents:write");

        var result = _sandbox.Run("--db", db, "policy", "diff", old, @new, "--org", "beta", "--json");

        Assert.Equal(5, result.ExitCode);
        var change = Assert.Single(JsonDocument.Parse(result.Stdout).RootElement.GetProperty("changes").EnumerateArray());
        Assert.Equal(("beta", "bob@acme.example"), (change.GetProperty("org").GetString(), change.GetProperty("principal").GetString()));
        var unknown = _sandbox.Run("--db", db, "policy", "diff", old, @new, "--org", "nope");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("TEN2005", unknown.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_policies_change_nothing_and_exit_0()
    {
        var db = Seed();
        var (old, @new) = (_sandbox.CopyShippedPolicies("old"), _sandbox.CopyShippedPolicies("new"));

        Golden.Match("policy_diff_none", _sandbox.Run("--db", db, "policy", "diff", old, @new));
        var json = _sandbox.Run("--db", db, "policy", "diff", old, @new, "--json");
        Assert.Equal(0, json.ExitCode);
        Assert.Equal(0, JsonDocument.Parse(json.Stdout).RootElement.GetProperty("changes").GetArrayLength());
    }

    [Fact]
    public void Both_sides_must_lint_and_pass_their_tests_first()
    {
        var db = Seed();
        var (old, @new) = (_sandbox.CopyShippedPolicies("old"), _sandbox.CopyShippedPolicies("new"));
        RemoveMemberScope(@new, "messages:create");
        _sandbox.Write("old/rules/broken.yaml", "kind: Rules\npackage: broken\nrules:\n  - name: x\n    effect: maybe\n");

        var result = _sandbox.Run("--db", db, "policy", "diff", old, @new);
        var lint = _sandbox.Run("policy", "lint", old);

        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains(lint.Stderr.TrimEnd(), result.Stderr, StringComparison.Ordinal);
        File.Delete(Path.Combine(_sandbox.Root, "old/rules/broken.yaml"));
        var tests = _sandbox.Run("--db", db, "policy", "diff", old, @new, "--json");
        Assert.Equal(1, tests.ExitCode);
        Assert.Matches(new Regex(@"^new/tests/roles_test\.yaml:38:\d+: error POL2018: case 'member chats with agents'", RegexOptions.Multiline), tests.Stderr);
        Assert.Equal("rejected", JsonDocument.Parse(tests.Stdout).RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    /// <summary>The tenancy database plus org 'gamma' (owner carol, member dave) and bob as a member of 'beta' too.</summary>
    private string Seed()
    {
        var db = TenancyDatabase.Seed(_sandbox);
        Assert.Equal(0, _sandbox.Run("--db", db, "org", "create", "--slug", "gamma", "--name", "Gamma").ExitCode);
        Assert.Equal(0, _sandbox.Run("--db", db, "member", "set", "--org", "gamma", "--email", "carol@beta.example", "--role", "owner").ExitCode);
        Assert.Equal(0, _sandbox.Run("--db", db, "member", "set", "--org", "gamma", "--email", "dave@example.com", "--role", "member").ExitCode);
        Assert.Equal(0, _sandbox.Run("--db", db, "member", "set", "--org", "beta", "--email", "bob@acme.example", "--role", "member").ExitCode);
        return db;
    }

    /// <summary>Removes one scope line from the <c>member</c> role of a copied policy directory.</summary>
    private void RemoveMemberScope(string directory, string scope)
    {
        var path = Path.Combine(_sandbox.Root, directory, "roles.yaml");
        var roles = File.ReadAllText(path);
        var member = roles.IndexOf("\n  member:\n", StringComparison.Ordinal);
        var line = roles.IndexOf("      - " + scope + "\n", member, StringComparison.Ordinal);
        Assert.True(member > 0 && line > member, "the member role's scope line was not found");
        File.WriteAllText(path, roles.Remove(line, ("      - " + scope + "\n").Length));
    }
}
