using System.Text.Json;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Tests.Support;

namespace ConfigResolver.Cli.Tests.Commands;

/// <summary>LAMB's example document through the CLI: created as it is, resolved as LAMB means it, written back in LAMB's shape.</summary>
public sealed class LambDocumentCommandTests : IDisposable
{
    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void Resolve_answers_lambs_example_from_the_organization()
    {
        var db = LambDatabase.Seed(_sandbox);

        var result = _sandbox.Run("--db", db, "resolve", "--org", "engineering", "--json");

        Golden.Match("resolve_lamb_json", result);
        using var json = JsonDocument.Parse(result.Stdout);
        var values = json.RootElement.GetProperty("values");
        Assert.Equal(("[redacted]", "org", "set"), Read(values, "/providers/openai/api_key"));
        Assert.Equal((null, "org", "disabled"), Read(values, "/providers/anthropic/enabled") with { Item1 = null });
        Assert.Equal("/kb_server/url", values.GetProperty("/kb_server/url").GetProperty("source").GetString());
        Assert.Equal("http://localhost:9090", values.GetProperty("/kb_server/url").GetProperty("value").GetString());
        Assert.Equal("/assistant_defaults/system_prompt", values.GetProperty("/assistant_defaults/system_prompt").GetProperty("source").GetString());
        Assert.DoesNotContain("sk-operator-secret", result.Transcript, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_in_lambs_shape_prints_it_with_keys_redacted()
    {
        var db = LambDatabase.Seed(_sandbox);

        var result = _sandbox.Run("--db", db, "org", "config", "get", "engineering", "--format", "lamb");

        Golden.Match("org_config_get_lamb", result);
        Assert.DoesNotContain("kb-api-key", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_in_lambs_shape_then_set_gives_the_same_resolved_values()
    {
        var db = LambDatabase.Seed(_sandbox);
        _sandbox.Run("--db", db, "org", "config", "set", "engineering", "--file", _sandbox.Write("ours.json", """
            {"version":1,"setups":{"default":{"providers":{"openai":{"api_key":"sk-eng","models":["gpt-4o"]}},"kb_server":{"url":"https://kb.eng","api_key":"kb-eng"}},
             "research":{"inherits":"default","assistant_defaults":{"system_prompt":"Research."}}},"assistant_defaults":{"system_prompt":"Org."}}
            """));
        var before = Values(db);

        var lamb = _sandbox.Run("--db", db, "org", "config", "get", "engineering", "--format", "lamb", "--reveal-secrets");
        var set = _sandbox.Run("--db", db, "org", "config", "set", "engineering", "--file", _sandbox.Write("lamb.json", lamb.Stdout));

        Assert.Equal((ExitCodes.Ok, ExitCodes.Ok), (lamb.ExitCode, set.ExitCode));
        Assert.Contains("\"version\": \"1.0\"", lamb.Stdout, StringComparison.Ordinal);
        Assert.Equal(before, Values(db));
    }

    [Fact]
    public void An_unknown_format_is_a_usage_error()
    {
        var result = _sandbox.Run("org", "config", "get", "engineering", "--format", "yaml");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.StartsWith("error: '--format' takes 'native' or 'lamb'; found 'yaml'.", result.Stderr, StringComparison.Ordinal);
    }

    private List<string> Values(string db)
    {
        var values = new List<string>();
        foreach (var setup in new[] { "default", "research" })
        {
            using var json = JsonDocument.Parse(_sandbox.Run("--db", db, "resolve", "--org", "engineering", "--setup", setup, "--json", "--reveal-secrets").Stdout);
            values.AddRange(json.RootElement.GetProperty("values").EnumerateObject().Select(v => $"{setup} {v.Name} {v.Value.GetProperty("value").GetRawText()} {v.Value.GetProperty("state").GetString()}"));
        }

        return values;
    }

    private static (string?, string?, string?) Read(JsonElement values, string name)
    {
        var value = values.GetProperty(name);
        return (value.GetProperty("value").ValueKind == JsonValueKind.String ? value.GetProperty("value").GetString() : null, value.GetProperty("layer").GetString(), value.GetProperty("state").GetString());
    }
}
