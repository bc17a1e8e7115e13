using ConfigResolver.Resolution;
using ConfigResolver.TestData;
using ConfigResolver.Tests.Resolution;
using ConfigResolver.Validation;

namespace ConfigResolver.Tests.Lamb;

/// <summary>The organization document LAMB's documentation shows (testdata/lamb/engineering.json) is accepted as it is and resolves as LAMB means it.</summary>
public sealed class LambDocumentTests : IDisposable
{
    private static readonly string s_engineering = File.ReadAllText(Path.Combine(TestDataFiles.Lamb, "engineering.json"));

    private readonly ResolverHarness _harness = ResolverHarness.Create(new Dictionary<string, string?>
    {
        ["OPENAI_API_KEY"] = "sk-operator",
        ["LAMB_KB_SERVER"] = "http://kb.operator:9090",
    });

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Lambs_document_is_valid_as_it_is()
    {
        var result = OrgConfigValidator.Validate(s_engineering, "org 'engineering'");

        Assert.Empty(result.Diagnostics);
        Assert.Equal(1, result.Document!.Version);
        Assert.Equal(["default"], result.Document.SetupNames.ToArray());
    }

    [Fact]
    public async Task Lambs_document_resolves_keys_urls_and_prompts_from_the_organization()
    {
        await _harness.CreateOrganizationAsync("engineering", s_engineering);

        var config = await _harness.Resolver.ResolveAsync("engineering");

        AssertValue(config, "/providers/openai/api_key", "[redacted]", ConfigLayer.Org, "/setups/default/providers/openai/api_key", ValueState.Set);
        Assert.Equal("sk-...", config.Providers["openai"].ApiKey!.Reveal());
        AssertValue(config, "/providers/anthropic/enabled", "false", ConfigLayer.Org, "/setups/default/providers/anthropic/enabled", ValueState.Disabled);
        AssertValue(config, "/providers/anthropic/api_key", null, ConfigLayer.Org, "/setups/default/providers/anthropic/enabled", ValueState.Disabled);
        AssertValue(config, "/kb_server/url", "http://localhost:9090", ConfigLayer.Org, "/kb_server/url", ValueState.Set);
        AssertValue(config, "/kb_server/api_key", "[redacted]", ConfigLayer.Org, "/kb_server/api_key", ValueState.Set);
        AssertValue(config, "/assistant_defaults/system_prompt", "You are a helpful educational assistant.", ConfigLayer.Org, "/assistant_defaults/system_prompt", ValueState.Set);
        AssertValue(config, "/assistant_defaults/prompt_template", "User: {user_message}\nAssistant:", ConfigLayer.Org, "/assistant_defaults/prompt_template", ValueState.Set);
        AssertValue(config, "/features/signup_enabled", "false", ConfigLayer.Org, "/features/signup_enabled", ValueState.Set);
        AssertValue(config, "/metadata/description", "Engineering Department Organization", ConfigLayer.Org, "/metadata/description", ValueState.Set);
        Assert.Equal(ProviderState.Enabled, config.Providers["ollama"].State);
        Assert.Equal(["gpt-4o", "gpt-4o-mini", "gpt-4"], config.Providers["openai"].Models.ToArray());
        Assert.Equal(("http://localhost:9090", "You are a helpful educational assistant."), (config.KbServer.Url, config.AssistantDefaults.SystemPrompt));
    }

    [Fact]
    public async Task An_empty_api_key_is_not_set_and_never_takes_the_operators_key()
    {
        var json = """{"version":"1.0","setups":{"default":{"providers":{"openai":{"api_key":"","models":["gpt-4o"]}}}}}""";
        await _harness.CreateOrganizationAsync("empty-key", json);

        var value = await _harness.ResolveValueAsync("empty-key", "/providers/openai/api_key");

        Assert.Equal((ValueState.Absent, null), (value.State, value.Value));
        Assert.True(Assert.Single(value.Provenance.Shadowed).Withheld);
    }

    [Fact]
    public async Task A_setups_own_sections_override_the_organization_wide_ones_key_by_key()
    {
        var json = """
            {"version":"1.0",
             "setups":{"default":{"kb_server":{"api_key":"kb-default"},"assistant_defaults":{"system_prompt":"Setup prompt."}},
                       "research":{"kb_server":{"url":"https://kb.research.example"}}},
             "kb_server":{"url":"https://kb.example","api_key":"kb-org"},
             "assistant_defaults":{"system_prompt":"Org prompt.","prompt_template":"Org template"}}
            """;
        await _harness.CreateOrganizationAsync("layered", json);

        var byDefault = await _harness.Resolver.ResolveAsync("layered");
        var research = await _harness.Resolver.ResolveAsync("layered", "research");

        Assert.Equal("/kb_server/url", byDefault.Values["/kb_server/url"].Provenance.Source);
        Assert.Equal(("/setups/default/kb_server/api_key", "kb-default"), (byDefault.Values["/kb_server/api_key"].Provenance.Source, byDefault.KbServer.ApiKey!.Reveal()));
        Assert.Equal(("Setup prompt.", "Org template"), (byDefault.AssistantDefaults.SystemPrompt, byDefault.AssistantDefaults.PromptTemplate));
        Assert.Equal(("https://kb.research.example", "/setups/research/kb_server/url"), (research.KbServer.Url, research.Values["/kb_server/url"].Provenance.Source));
        Assert.Equal(("kb-org", "/kb_server/api_key"), (research.KbServer.ApiKey!.Reveal(), research.Values["/kb_server/api_key"].Provenance.Source));
        Assert.Equal("Org prompt.", research.AssistantDefaults.SystemPrompt);
    }

    public static TheoryData<string, string, string, string?> Aliases => new()
    {
        { """{"kb_server":{"server_url":"http://kb:9090"}}""", "/kb_server/url", "/kb_server/server_url", "'server_url' is LAMB's name for 'url'" },
        { """{"kb_server":{"api_token":"tok-1"}}""", "/kb_server/api_key", "/kb_server/api_token", "'api_token' is LAMB's name for 'api_key'" },
        { """{"kb_server":{"token":"tok-2"}}""", "/kb_server/api_key", "/kb_server/token", "'token' is LAMB's name for 'api_key'" },
        { """{"setups":{"default":{"knowledge_base":{"server_url":"http://legacy:9090"}}}}""", "/kb_server/url", "/setups/default/knowledge_base/server_url", "from LAMB's legacy 'knowledge_base' section, 'server_url' (LAMB's name for 'url')" },
        { """{"setups":{"default":{"knowledge_base":{"server_url":"http://legacy:9090"}}},"kb_server":{"url":"http://top:9090"}}""", "/kb_server/url", "/kb_server/url", null },
        { """{"assistant_defaults":{"connector":"ollama","llm":"llama3.1"}}""", "/assistant_defaults/default_provider", "/assistant_defaults/connector", "'connector' is LAMB's name for 'default_provider'" },
        { """{"library":{"server_url":"http://library:9091","api_token":"lib"}}""", "/library/url", "/library/server_url", "'server_url' is LAMB's name for 'url'" },
    };

    [Theory]
    [MemberData(nameof(Aliases))]
    public async Task Lambs_other_names_resolve_to_the_same_key_and_provenance_says_which_name_won(string sections, string resolvedPointer, string source, string? note)
    {
        await _harness.CreateOrganizationAsync("aliased", """{"version":"1.0",""" + sections[1..]);

        var value = await _harness.ResolveValueAsync("aliased", resolvedPointer);

        Assert.Equal((ConfigLayer.Org, source, note), (value.Layer, value.Provenance.Source, value.Provenance.Note));
        Assert.NotNull(value.Value);
    }

    [Fact]
    public async Task The_legacy_knowledge_base_lies_beneath_the_organization_wide_kb_server_key_by_key()
    {
        await _harness.CreateOrganizationAsync("legacy", """{"version":"1.0","setups":{"default":{"knowledge_base":{"server_url":"http://legacy:9090","api_token":"legacy-token"}}},"kb_server":{"url":"http://top:9090"}}""");

        var config = await _harness.Resolver.ResolveAsync("legacy");

        Assert.Equal(("http://top:9090", "legacy-token"), (config.KbServer.Url, config.KbServer.ApiKey!.Reveal()));
        var shadowed = Assert.Single(config.Values["/kb_server/url"].Provenance.Shadowed);
        Assert.Equal((ConfigLayer.Env, "LAMB_KB_SERVER"), (shadowed.Layer, shadowed.Source));
    }

    [Fact]
    public async Task Integer_and_lamb_versions_resolve_alike()
    {
        const string Body = """ "setups":{"default":{"providers":{"openai":{"api_key":"sk-x","models":["gpt-4o"]}}}}} """;
        await _harness.CreateOrganizationAsync("integer", """{"version":1,""" + Body);
        await _harness.CreateOrganizationAsync("lamb", """{"version":"1.0",""" + Body);

        var integer = await _harness.Resolver.ResolveAsync("integer");
        var lamb = await _harness.Resolver.ResolveAsync("lamb");

        Assert.Equal(
            integer.AllValues.Select(static v => $"{v.Pointer}={v.Value} {v.Provenance}"),
            lamb.AllValues.Select(static v => $"{v.Pointer}={v.Value} {v.Provenance}"));
    }

    private static void AssertValue(TenantConfig config, string resolvedPointer, string? value, ConfigLayer layer, string source, ValueState state)
    {
        var resolved = config.Values[resolvedPointer];
        Assert.Equal((resolvedPointer, value, layer, source, state), (resolvedPointer, resolved.Value?.ToString(), resolved.Layer, resolved.Provenance.Source, resolved.State));
    }
}
