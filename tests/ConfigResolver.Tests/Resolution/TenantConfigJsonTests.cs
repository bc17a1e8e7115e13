using System.Text.Json;
using ConfigResolver.Resolution;

namespace ConfigResolver.Tests.Resolution;

public sealed class TenantConfigJsonTests
{
    [Fact]
    public async Task Json_has_the_documented_shape_for_set_shared_absent_and_disabled_values()
    {
        using var harness = ResolverHarness.Create(new Dictionary<string, string?> { ["OPENAI_API_KEY"] = "sk-operator" });
        await harness.CreateOrganizationAsync("acme", """
            {"version":1,"setups":{"default":{"providers":{"openai":{"models":["gpt-4o","gpt-4o-mini"]},"ollama":{"enabled":false}}}},
             "inheritance":{"providers":{"openai":{"share_api_key":true}}}}
            """);

        using var json = JsonDocument.Parse(TenantConfigJson.Serialize(await harness.Resolver.ResolveAsync("acme"), indented: false));

        var root = json.RootElement;
        Assert.Equal(["org", "setup", "values"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("acme", "default"), (root.GetProperty("org").GetString(), root.GetProperty("setup").GetString()));
        var values = root.GetProperty("values");
        AssertEntry(values, "/providers/openai/api_key", "\"[redacted]\"", "env", "OPENAI_API_KEY", "shared");
        AssertEntry(values, "/providers/openai/models", """["gpt-4o","gpt-4o-mini"]""", "org", "/setups/default/providers/openai/models", "set");
        AssertEntry(values, "/providers/openai/base_url", "\"https://api.openai.com/v1\"", "default", "/providers/openai/base_url", "set");
        AssertEntry(values, "/kb_server/url", "null", null, null, "absent");
        AssertEntry(values, "/providers/ollama/base_url", "null", "org", "/setups/default/providers/ollama/enabled", "disabled");
        AssertEntry(values, "/providers/ollama/enabled", "false", "org", "/setups/default/providers/ollama/enabled", "disabled");
        Assert.All(values.EnumerateObject(), p => Assert.Equal(["value", "layer", "source", "state"], p.Value.EnumerateObject().Select(x => x.Name)));
    }

    [Fact]
    public async Task Explain_adds_shadowed_values_and_notes_and_never_reveals_a_withheld_secret()
    {
        using var harness = ResolverHarness.Create(new Dictionary<string, string?> { ["OPENAI_API_KEY"] = "sk-operator" });
        await harness.CreateOrganizationAsync("acme");

        var text = TenantConfigJson.Serialize(await harness.Resolver.ResolveAsync("acme"), revealSecrets: true, explain: true);

        using var json = JsonDocument.Parse(text);
        var apiKey = json.RootElement.GetProperty("values").GetProperty("/providers/openai/api_key");
        var withheld = Assert.Single(apiKey.GetProperty("shadowed").EnumerateArray());
        Assert.True(withheld.GetProperty("withheld").GetBoolean());
        Assert.Equal("[redacted]", withheld.GetProperty("value").GetString());
        Assert.Contains("share_api_key", apiKey.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("sk-operator", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revealing_secrets_shows_the_organizations_own_and_shared_keys()
    {
        using var harness = ResolverHarness.Create();
        await harness.CreateOrganizationAsync("acme", """{"version":1,"setups":{"default":{"providers":{"openai":{"api_key":"sk-acme"}}}}}""");

        var text = TenantConfigJson.Serialize(await harness.Resolver.ResolveAsync("acme"), revealSecrets: true, indented: false);

        Assert.Contains("\"/providers/openai/api_key\":{\"value\":\"sk-acme\"", text, StringComparison.Ordinal);
    }

    private static void AssertEntry(JsonElement values, string pointer, string value, string? layer, string? source, string state)
    {
        var entry = values.GetProperty(pointer);
        Assert.Equal(value, entry.GetProperty("value").GetRawText());
        Assert.Equal(layer, entry.GetProperty("layer").GetString());
        Assert.Equal(source, entry.GetProperty("source").GetString());
        Assert.Equal(state, entry.GetProperty("state").GetString());
    }
}
