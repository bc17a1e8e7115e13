using System.Text.Json;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Tests.Support;

namespace ConfigResolver.Cli.Tests.Commands;

/// <summary>
/// <c>--json</c> on every command that prints data: the output parses, has the documented fields, never holds a secret,
/// and errors come as one <c>{"error":...}</c> object on standard output while standard error keeps the one-line form.
/// </summary>
public sealed class JsonOutputTests : IDisposable
{
    private static readonly string[] s_secrets = ["sk-acme-own-key", "sk-operator-secret", "kb-operator-token", "join-beta-2026"];

    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    public static TheoryData<string, string[], string> Commands() => new()
    {
        { "json_org_list", ["org", "list", "--json"], "$[0].slug" },
        { "json_org_show", ["org", "show", "--org", "acme", "--json"], "members" },
        { "json_org_status", ["org", "status", "acme", "--set", "suspended", "--json"], "status" },
        { "json_org_create", ["org", "create", "--slug", "gamma", "--name", "Gamma", "--json"], "setups" },
        { "json_org_config_set", ["org", "config", "set", "--org", "beta", "--file", "beta.json", "--json"], "setups" },
        { "json_org_delete", ["org", "delete", "--org", "beta", "--json"], "deleted" },
        { "json_user_add", ["user", "add", "--email", "erin@example.com", "--name", "Erin", "--json"], "email" },
        { "json_member_set", ["member", "set", "--org", "acme", "--email", "dave@example.com", "--role", "viewer", "--json"], "role" },
        { "json_member_remove", ["member", "remove", "--org", "acme", "--email", "bob@acme.example", "--json"], "email" },
        { "json_check", ["check", "--user", "bob@acme.example", "--org", "acme", "--action", "agents:delete", "--explain", "--json"], "why_not" },
        { "json_resolve", ["resolve", "--org", "acme", "--json"], "values" },
        { "json_org_config_get", ["org", "config", "get", "acme", "--json"], "setups" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_tenancy_command_prints_json_that_parses_and_holds_no_secret(string golden, string[] args, string field)
    {
        var db = TenancyDatabase.Seed(_sandbox);
        _sandbox.Write("beta.json", """{"version":1,"setups":{"default":{}}}""");

        var result = _sandbox.Run(["--db", db, .. args]);

        Golden.Match(golden, result);
        Assert.Contains(result.ExitCode, new[] { ExitCodes.Ok, ExitCodes.Denied });
        Assert.Empty(result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        var target = field.StartsWith("$[0].", StringComparison.Ordinal) ? root[0] : root;
        Assert.True(target.TryGetProperty(field.Replace("$[0].", string.Empty, StringComparison.Ordinal), out _), $"no '{field}' in {result.Stdout}");
        foreach (var secret in s_secrets)
        {
            Assert.DoesNotContain(secret, result.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_error_with_json_prints_an_error_object_with_its_diagnostics_and_keeps_the_line_on_standard_error()
    {
        var db = TenancyDatabase.Seed(_sandbox);

        var result = _sandbox.Run("--db", db, "org", "show", "--org", "nope", "--json");

        Golden.Match("json_error_unknown_org", result);
        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var error = json.RootElement.GetProperty("error");
        Assert.Equal(("rejected", 1), (error.GetProperty("code").GetString(), error.GetProperty("exit_code").GetInt32()));
        var diagnostic = Assert.Single(error.GetProperty("diagnostics").EnumerateArray().ToList());
        Assert.Equal("nope", diagnostic.GetProperty("message").GetString()!.Split('\'')[1]);
        Assert.Equal(error.GetProperty("message").GetString(), result.StderrLines.Single());
    }

    [Fact]
    public void A_failure_without_diagnostics_is_an_error_object_with_code_failed()
    {
        var db = TenancyDatabase.Seed(_sandbox);

        var result = _sandbox.Run("--db", db, "check", "--user", "nobody@example.com", "--org", "acme", "--action", "agents:read", "--json");

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        Assert.Equal("{\"error\":{\"code\":\"failed\",\"exit_code\":1,\"message\":\"there is no user 'nobody@example.com'.\",\"diagnostics\":[]}}\n", result.Stdout);
        Assert.Equal(["error: there is no user 'nobody@example.com'."], result.StderrLines);
    }

    [Fact]
    public void Enforce_with_json_prints_one_object_per_request_line_errors_included()
    {
        var model = _sandbox.CopyFromCorpus("models/basic_model.conf");
        var policy = _sandbox.CopyFromCorpus("policies/basic_policy.csv");
        var requests = _sandbox.Write("r.jsonl", "[\"alice\",\"data1\",\"read\"]\n{\"not\":\"an array\"}\n\n[\"bob\",\"data1\",\"read\"]\n");

        var result = _sandbox.Run("enforce", "--model", model, "--policy", policy, "--requests", requests, "--json");

        Golden.Match("json_enforce", result);
        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        var lines = result.StdoutLines.Select(static l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal([1, 2, 4], lines.Select(static l => l.GetProperty("line").GetInt32()));
        Assert.True(lines[0].GetProperty("allowed").GetBoolean());
        Assert.Equal("CLI1001", lines[1].GetProperty("error").GetProperty("code").GetString());
        Assert.False(lines[2].GetProperty("allowed").GetBoolean());
    }

    [Fact]
    public void Enforce_with_json_and_explain_adds_the_deciding_rule_and_revision()
    {
        var model = _sandbox.CopyFromCorpus("models/basic_model.conf");
        var policy = _sandbox.CopyFromCorpus("policies/basic_policy.csv");
        var requests = _sandbox.Write("r.jsonl", "[\"alice\",\"data1\",\"read\"]\n");

        var result = _sandbox.Run("enforce", "--model", model, "--policy", policy, "--requests", requests, "--json", "--explain");

        Assert.Equal((ExitCodes.Ok, "{\"line\":1,\"allowed\":true,\"explain\":[\"alice\",\"data1\",\"read\"],\"revision\":1}\n"), (result.ExitCode, result.Stdout));
    }

    [Fact]
    public void Policy_lint_with_json_reports_a_summary_or_every_diagnostic_with_its_position()
    {
        var good = _sandbox.CopyShippedPolicies();
        _sandbox.Write("broken/roles.yaml", "kind: Roles\nscopes: [agents:read]\nroles:\n  viewer:\n    scopes: [agents:list]\n");

        var ok = _sandbox.Run("policy", "lint", good, "--json");
        var broken = _sandbox.Run("policy", "lint", "broken", "--json");

        Golden.Match("json_policy_lint", ok);
        Golden.Match("json_policy_lint_broken", broken);
        Assert.Equal((ExitCodes.Ok, ExitCodes.Failed), (ok.ExitCode, broken.ExitCode));
        using var report = JsonDocument.Parse(broken.Stdout);
        Assert.False(report.RootElement.GetProperty("ok").GetBoolean());
        var diagnostic = report.RootElement.GetProperty("diagnostics")[0];
        foreach (var field in new[] { "code", "severity", "message", "file", "line", "column", "pointer" })
        {
            Assert.True(diagnostic.TryGetProperty(field, out _), field);
        }

        Assert.Equal("broken/roles.yaml", diagnostic.GetProperty("file").GetString());
        Assert.Equal(broken.StderrLines.Count, report.RootElement.GetProperty("diagnostics").GetArrayLength());
    }

    [Fact]
    public void Policy_test_with_json_lists_every_case_with_its_place_expectation_and_outcome()
    {
        var dir = _sandbox.CopyShippedPolicies();

        var result = _sandbox.Run("policy", "test", dir, "--output", "json", "--filter", "API keys");

        Golden.Match("json_policy_test", result);
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        using var report = JsonDocument.Parse(result.Stdout);
        var cases = report.RootElement.GetProperty("cases").EnumerateArray().ToList();
        Assert.Equal(report.RootElement.GetProperty("passed").GetInt32(), cases.Count);
        Assert.All(cases, static c =>
        {
            Assert.Equal("API keys", c.GetProperty("suite").GetString());
            Assert.StartsWith("policies/tests/", c.GetProperty("file").GetString(), StringComparison.Ordinal);
            Assert.True(c.GetProperty("line").GetInt32() > 0);
            Assert.Equal(c.GetProperty("expected").GetString(), c.GetProperty("actual").GetString());
            Assert.True(c.GetProperty("passed").GetBoolean());
            Assert.Equal(JsonValueKind.Array, c.GetProperty("reasons").ValueKind);
        });
    }
}
