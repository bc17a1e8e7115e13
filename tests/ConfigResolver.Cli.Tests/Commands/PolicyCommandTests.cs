using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Tests.Support;

namespace ConfigResolver.Cli.Tests.Commands;

/// <summary>
/// <c>cfgr policy lint</c>, <c>cfgr policy test</c> and <c>cfgr check</c> over the shipped <c>policies/</c> directory,
/// a broken copy of it, and the seeded tenancy database.
/// </summary>
public sealed class PolicyCommandTests : IDisposable
{
    private const string BrokenRoles = """
        kind: Roles
        scopes: [agents:read, agents:write]
        roles:
          viewer:
            scopes: [agents:read, agents:list]
          member:
            inherits: [viewer, guest]
            scopes: [agents:write]
        """;

    private const string BrokenRules = """
        kind: Rules
        package: broken
        default: deny
        rules:
          - name: unknown-field
            effect: deny
            when:
              - org.colour == 'red'
          - name: does-not-parse
            effect: deny
            when:
              - "action == "
        """;

    private const string FailingSuite = """
        kind: PolicyTest
        name: deliberately wrong
        fixtures:
          orgs:
            acme: {}
          users:
            vic: {}
          memberships:
            - { user: vic, org: acme, role: viewer }
        cases:
          - name: viewer cannot write agents but this case says so
            input: { user: vic, org: acme, action: agents:write }
            expect: allow
          - name: viewer reads agents
            input: { user: vic, org: acme, action: agents:read }
            expect: allow
          - name: wrong reason for a denial
            input: { user: vic, org: acme, action: agents:delete }
            expect: deny
            reason: "suspended"
        """;

    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void Lint_summarizes_the_shipped_policies()
    {
        var dir = _sandbox.CopyShippedPolicies();

        var result = _sandbox.Run("policy", "lint", dir);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Empty(result.Stderr);
        Golden.Match("policy_lint", result);
    }

    [Fact]
    public void Lint_prints_every_problem_as_file_line_column_sorted_and_fails()
    {
        var dir = WriteBrokenPolicies();

        var result = _sandbox.Run("policy", "lint", dir);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Empty(result.Stdout);
        Golden.Match("policy_lint_broken", result);
        Assert.All(result.StderrLines, static line => Assert.Matches(@"^broken/[\w/.-]+\.yaml:\d+:\d+: (error|warning) [A-Z]+\d+: .+", line));
        Assert.Equal(result.StderrLines.Count, result.StderrLines.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Lint_names_a_directory_that_does_not_exist()
    {
        var result = _sandbox.Run("policy", "lint", "nowhere");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Contains("the policy directory 'nowhere' does not exist", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_runs_every_shipped_suite_and_passes()
    {
        var dir = _sandbox.CopyShippedPolicies();

        var result = _sandbox.Run("policy", "test", dir);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Golden.Match("policy_test", result);
        Assert.DoesNotContain("FAIL", result.Stdout, StringComparison.Ordinal);
        Assert.EndsWith(" 0 failed\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_shows_expected_and_actual_for_each_failing_case_and_exits_4()
    {
        var dir = _sandbox.CopyShippedPolicies();
        _sandbox.Write("policies/tests/wrong_test.yaml", FailingSuite);

        var result = _sandbox.Run("policy", "test", dir, "--filter", "DELIBERATELY");

        Assert.Equal(ExitCodes.TestsFailed, result.ExitCode);
        Golden.Match("policy_test_failing", result);
        Assert.EndsWith("1 passed, 2 failed\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Test_refuses_a_directory_that_does_not_compile()
    {
        var dir = WriteBrokenPolicies();

        var result = _sandbox.Run("policy", "test", dir);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Equal(_sandbox.Run("policy", "lint", dir).Stderr, result.Stderr);
    }

    public static TheoryData<string, int, string[]> Checks() => new()
    {
        { "check_owner_allowed", ExitCodes.Ok, ["--user", "ann@acme.example", "--org", "acme", "--action", "agents:delete"] },
        { "check_member_missing_scope", ExitCodes.Denied, ["--user", "bob@acme.example", "--org", "acme", "--action", "agents:delete", "--explain"] },
        { "check_enabled_provider", ExitCodes.Ok, ["--user", "bob@acme.example", "--org", "acme", "--action", "completions:create", "--resource", "provider/openai", "--explain"] },
        { "check_disabled_provider_json", ExitCodes.Denied, ["--user", "bob@acme.example", "--org", "acme", "--action", "completions:create", "--resource", "provider/ollama", "--explain", "--json"] },
        { "check_not_a_member", ExitCodes.Denied, ["--user", "carol@beta.example", "--org", "acme", "--action", "agents:read", "--explain"] },
        { "check_unknown_user", ExitCodes.Failed, ["--user", "nobody@example.com", "--org", "acme", "--action", "agents:read"] },
    };

    [Theory]
    [MemberData(nameof(Checks))]
    public void Check_decides_one_request_against_the_database_and_explains_it(string golden, int exitCode, string[] args)
    {
        var db = TenancyDatabase.Seed(_sandbox);
        var dir = _sandbox.CopyShippedPolicies();

        var result = _sandbox.Run(["--db", db, "check", "--policies", dir, .. args]);

        Golden.Match(golden, result);
        Assert.Equal(exitCode, result.ExitCode);
        foreach (var secret in new[] { "sk-acme-own-key", "sk-operator-secret", "kb-operator-token", "join-beta-2026" })
        {
            Assert.DoesNotContain(secret, result.Stdout + result.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Check_with_a_broken_policy_directory_prints_its_diagnostics_and_decides_nothing()
    {
        var db = TenancyDatabase.Seed(_sandbox);
        var dir = WriteBrokenPolicies();

        var result = _sandbox.Run("--db", db, "check", "--policies", dir, "--user", "ann@acme.example", "--org", "acme", "--action", "agents:read");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Equal(_sandbox.Run("policy", "lint", dir).Stderr, result.Stderr);
    }

    private string WriteBrokenPolicies()
    {
        _sandbox.Write("broken/roles.yaml", BrokenRoles);
        _sandbox.Write("broken/rules/broken.yaml", BrokenRules);
        _sandbox.Write("broken/tests/empty_test.yaml", """
            kind: PolicyTest
            name: a case without an expectation
            cases:
              - name: no expect
                input: { user: u, org: o, action: agents:read }
            """);
        return "broken";
    }
}
