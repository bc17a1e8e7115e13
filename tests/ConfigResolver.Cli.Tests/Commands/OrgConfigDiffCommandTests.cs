using System.Text.Json;
using ConfigResolver.Cli.Tests.Support;

namespace ConfigResolver.Cli.Tests.Commands;

/// <summary>
/// <c>org config diff</c> as a user drives it: a system-organization change lists every organization whose resolved
/// values change, an organization's change only that one, an environment change every inheriting organization; secrets
/// only as changed (no secret value in any output); an invalid document is reported as <c>org config set</c> reports it.
/// </summary>
public sealed class OrgConfigDiffCommandTests : IDisposable
{
    private const string NewSystem = """
        {"version":1,"setups":{"default":{"kb_server":{"url":"http://kb2.internal:9090"}},
                               "research":{"providers":{"openai":{"default_model":"gpt-4o-mini"}}}}}
        """;

    private static readonly string[] s_secrets = ["sk-acme-own-key", "sk-acme-rotated-key", "sk-operator-secret", "kb-operator-token", "join-beta-2026"];

    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void A_system_org_change_lists_every_organization_whose_resolved_values_change()
    {
        var db = TenancyDatabase.Seed(_sandbox);
        var file = _sandbox.Write("system.json", NewSystem);
        var dump = TenancyDatabase.Dump(_sandbox);

        var result = _sandbox.Run("--db", db, "org", "config", "diff", "--file", file, "--system", "--json");

        Assert.Equal(5, result.ExitCode);
        var changes = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(["acme", "beta", "system"], changes.Select(static c => c.GetProperty("org").GetString()).Distinct());
        Assert.All(changes, static c =>
        {
            Assert.Equal("/kb_server/url", c.GetProperty("pointer").GetString());
            Assert.Equal(("http://kb.internal:9090", "http://kb2.internal:9090"), (c.GetProperty("before").GetString(), c.GetProperty("after").GetString()));
            var layer = c.GetProperty("org").GetString() == "system" ? "org" : "system";
            Assert.Equal((layer, layer), (c.GetProperty("layer_before").GetString(), c.GetProperty("layer_after").GetString()));
        });
        Assert.Equal(dump, TenancyDatabase.Dump(_sandbox));
        Golden.Match("org_config_diff_system", _sandbox.Run("--db", db, "org", "config", "diff", "--file", file, "--system"));
    }

    [Fact]
    public void An_organization_change_reaches_only_it_and_shows_secrets_as_changed_only()
    {
        var db = TenancyDatabase.Seed(_sandbox);
        var file = _sandbox.Write("acme.json", TenancyDatabase.AcmeConfig.Replace("sk-acme-own-key", "sk-acme-rotated-key", StringComparison.Ordinal).Replace("\"gpt-4o\"}", "\"gpt-4o-mini\"}", StringComparison.Ordinal));

        var json = _sandbox.Run("--db", db, "org", "config", "diff", "--file", file, "--org", "acme", "--json");
        var text = _sandbox.Run("--db", db, "org", "config", "diff", "--file", file, "--org", "acme");

        Assert.Equal((5, 5), (json.ExitCode, text.ExitCode));
        var changes = JsonDocument.Parse(json.Stdout).RootElement.GetProperty("changes").EnumerateArray().ToList();
        Assert.All(changes, static c => Assert.Equal("acme", c.GetProperty("org").GetString()));
        var key = Assert.Single(changes, static c => c.GetProperty("pointer").GetString() == "/providers/openai/api_key" && c.GetProperty("setup").GetString() == "default");
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null, "changed"), (key.GetProperty("before").ValueKind, key.GetProperty("after").ValueKind, key.GetProperty("secret").GetString()));
        Assert.Contains(changes, static c => c.GetProperty("pointer").GetString() == "/providers/openai/default_model" && c.GetProperty("after").GetString() == "gpt-4o-mini");
        Assert.Contains("  /providers/openai/api_key: secret changed (org -> org)", text.Stdout, StringComparison.Ordinal);
        AssertNoSecret(json, text);
    }

    [Fact]
    public void An_environment_change_reaches_every_organization_that_inherits_it()
    {
        var db = TenancyDatabase.Seed(_sandbox);

        var result = _sandbox.Run("--db", db, "org", "config", "diff", "--env", "LAMB_KB_SERVER_TOKEN=kb-operator-rotated", "--env", "OPENAI_MODELS=gpt-4o", "--json");

        Assert.Equal(5, result.ExitCode);
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        var changes = root.GetProperty("changes").EnumerateArray().ToList();
        var token = changes.Where(static c => c.GetProperty("pointer").GetString() == "/kb_server/api_key").ToList();
        Assert.Equal(["acme", "system"], token.Select(static c => c.GetProperty("org").GetString()).Distinct());
        Assert.All(token, static c => Assert.Equal(("changed", "env", JsonValueKind.Null), (c.GetProperty("secret").GetString(), c.GetProperty("layer_after").GetString(), c.GetProperty("after").ValueKind)));
        Assert.Contains(changes, static c => c.GetProperty("org").GetString() == "system" && c.GetProperty("pointer").GetString() == "/providers/openai/models" && c.GetProperty("after").GetString() == "[gpt-4o]");
        Assert.Equal(["LAMB_KB_SERVER_TOKEN", "OPENAI_MODELS"], root.GetProperty("env").EnumerateArray().Select(static e => e.GetString()));
        Assert.DoesNotContain("kb-operator-rotated", result.Stdout + result.Stderr, StringComparison.Ordinal);
        AssertNoSecret(result);
        Assert.Equal(0, _sandbox.Run("--db", db, "org", "config", "diff", "--env", "LAMB_KB_SERVER_TOKEN=kb-operator-token").ExitCode);
    }

    [Fact]
    public void An_invalid_document_is_reported_as_org_config_set_reports_it_and_nothing_changes()
    {
        var db = TenancyDatabase.Seed(_sandbox);
        var file = _sandbox.Write("bad.json", """
            {"version":1,
             "setups":{"default":{"providers":{"openai":{"base_url":"localhost:8080"}}}}}
            """);
        var dump = TenancyDatabase.Dump(_sandbox);

        var diff = _sandbox.Run("--db", db, "org", "config", "diff", "--file", file, "--org", "acme");
        var set = _sandbox.Run("--db", db, "org", "config", "set", "--org", "acme", "--file", file);

        Assert.Equal((1, 1), (diff.ExitCode, set.ExitCode));
        Assert.Contains("CFG", diff.Stderr, StringComparison.Ordinal);
        Assert.Equal(set.Stderr, diff.Stderr);
        Assert.Equal(dump, TenancyDatabase.Dump(_sandbox));
    }

    public static TheoryData<string[]> BadCommandLines => new()
    {
        new[] { "--file", "x.json" },
        new[] { "--file", "x.json", "--org", "acme", "--system" },
        new[] { "--org", "acme" },
        new[] { "--env", "NOVALUE" },
    };

    [Theory]
    [MemberData(nameof(BadCommandLines))]
    public void A_command_line_without_a_clear_change_is_a_usage_error(string[] arguments)
    {
        var result = _sandbox.Run(["org", "config", "diff", .. arguments]);

        Assert.Equal(2, result.ExitCode);
    }

    private static void AssertNoSecret(params CliResult[] results)
    {
        foreach (var result in results)
        {
            foreach (var secret in s_secrets)
            {
                Assert.DoesNotContain(secret, result.Stdout + result.Stderr, StringComparison.Ordinal);
            }
        }
    }
}
