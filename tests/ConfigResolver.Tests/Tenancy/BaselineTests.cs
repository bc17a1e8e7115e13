using ConfigResolver.Diagnostics;
using ConfigResolver.Resolution;
using ConfigResolver.Tenancy;
using ConfigResolver.Tests.Resolution;
using ConfigResolver.Validation;

namespace ConfigResolver.Tests.Tenancy;

public sealed class BaselineTests : IDisposable
{
    private const string SystemConfig = """
        {"version":1,
         "setups":{"default":{
           "providers":{"openai":{"api_key":"sk-operator","base_url":"https://proxy.operator.example/v1","models":["gpt-4o"],"default_model":"gpt-4o"},
                        "ollama":{"base_url":"http://gpu:11434"}},
           "kb_server":{"url":"https://kb.operator.example","api_key":"kb-operator"},
           "assistant_defaults":{"system_prompt":"Operator prompt"}}},
         "features":{"signup_enabled":true,"signup_key":"operator-signup"},
         "metadata":{"description":"The operator"}}
        """;

    private readonly ResolverHarness _harness = ResolverHarness.Create();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Baseline_copies_setups_but_never_secrets_features_or_metadata()
    {
        await _harness.SetSystemConfigAsync(SystemConfig);

        var organization = await _harness.Admin.CreateOrganizationAsync(new CreateOrganizationRequest { Slug = "acme", Name = "Acme", FromSystemBaseline = true });

        var json = organization.Config.RevealJson();
        Assert.DoesNotContain("sk-operator", json, StringComparison.Ordinal);
        Assert.DoesNotContain("kb-operator", json, StringComparison.Ordinal);
        Assert.DoesNotContain("operator-signup", json, StringComparison.Ordinal);
        Assert.DoesNotContain("The operator", json, StringComparison.Ordinal);
        var config = await _harness.Resolver.ResolveAsync("acme");
        Assert.Equal((ConfigLayer.Org, "/setups/default/providers/openai/base_url"), (config.Values["/providers/openai/base_url"].Layer, config.Values["/providers/openai/base_url"].Provenance.Source));
        Assert.Equal(ValueState.Absent, config.Values["/providers/openai/api_key"].State);
        Assert.Equal(ValueState.Absent, config.Values["/kb_server/api_key"].State);
        Assert.Equal("Operator prompt", config.AssistantDefaults.SystemPrompt);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_lamb_shaped_system_organization_gives_a_baseline_without_any_of_its_keys(bool share)
    {
        await _harness.SetSystemConfigAsync("""
            {"version":"1.0","setups":{"default":{"providers":{"openai":{"api_key":"sk-operator","models":["gpt-4o"]},"anthropic":{"api_key":""}},
              "knowledge_base":{"server_url":"http://kb:9090","api_token":"kb-legacy-token"},"library":{"token":"lib-token"}}},
             "kb_server":{"url":"http://kb:9090","api_key":"kb-top-key"},"limits":{"usage":{"max_assistants":-1}}}
            """);

        var organization = await _harness.Admin.CreateOrganizationAsync(new CreateOrganizationRequest { Slug = "acme", Name = "Acme", FromSystemBaseline = true, ShareBaselineSecrets = share });

        var json = organization.Config.RevealJson();
        foreach (var secret in new[] { "sk-operator", "kb-legacy-token", "lib-token", "kb-top-key" })
        {
            Assert.DoesNotContain(secret, json, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("limits", json, StringComparison.Ordinal);
        Assert.Equal((share, false, share, share), (organization.Config.SharesProviderApiKey("openai"), organization.Config.SharesProviderApiKey("anthropic"), organization.Config.SharesKbServerApiKey, organization.Config.SharesLibraryApiKey));
        var config = await _harness.Resolver.ResolveAsync("acme");
        Assert.Equal((share ? "kb-top-key" : null, -1L), (config.KbServer.ApiKey?.Reveal(), config.UsageLimits.MaxAssistants));
    }

    [Fact]
    public async Task Baseline_with_sharing_opts_in_instead_of_copying_keys()
    {
        await _harness.SetSystemConfigAsync(SystemConfig);

        var organization = await _harness.Admin.CreateOrganizationAsync(new CreateOrganizationRequest { Slug = "acme", Name = "Acme", FromSystemBaseline = true, ShareBaselineSecrets = true });

        Assert.DoesNotContain("sk-operator", organization.Config.RevealJson(), StringComparison.Ordinal);
        Assert.True(organization.Config.SharesProviderApiKey("openai"));
        Assert.False(organization.Config.SharesProviderApiKey("ollama"));
        var config = await _harness.Resolver.ResolveAsync("acme");
        var apiKey = config.Values["/providers/openai/api_key"];
        Assert.Equal((ValueState.Shared, ConfigLayer.System, "sk-operator"), (apiKey.State, apiKey.Layer, apiKey.Value!.AsSecret().Reveal()));
        Assert.Equal(ValueState.Shared, config.Values["/kb_server/api_key"].State);
    }

    [Fact]
    public async Task Given_config_is_laid_over_the_baseline()
    {
        await _harness.SetSystemConfigAsync(SystemConfig);

        await _harness.Admin.CreateOrganizationAsync(new CreateOrganizationRequest
        {
            Slug = "acme",
            Name = "Acme",
            FromSystemBaseline = true,
            ConfigJson = """{"version":1,"setups":{"default":{"providers":{"openai":{"api_key":"sk-acme"}}}},"metadata":{"description":"Acme"}}""",
        });

        var config = await _harness.Resolver.ResolveAsync("acme");
        Assert.Equal(("sk-acme", "https://proxy.operator.example/v1", "Acme"), (config.Providers["openai"].ApiKey?.Reveal(), config.Providers["openai"].BaseUrl, config.Metadata.Description));
    }

    [Fact]
    public async Task Invalid_overlay_json_is_reported_at_its_own_line_and_column()
    {
        await _harness.SetSystemConfigAsync(SystemConfig);

        var exception = await Assert.ThrowsAsync<TenantValidationException>(() => _harness.Admin.CreateOrganizationAsync(new CreateOrganizationRequest
        {
            Slug = "acme",
            Name = "Acme",
            FromSystemBaseline = true,
            ConfigJson = "{\n  \"metadata\": oops\n}",
        }));

        var diagnostic = Assert.Single(exception.Diagnostics);
        Assert.Equal((DiagnosticCodes.InvalidJson, 2, 15), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
        Assert.Null(await _harness.Store.FindOrganizationBySlugAsync("acme"));
    }

    [Fact]
    public async Task Invalid_merged_document_is_reported_by_pointer_without_misleading_positions()
    {
        await _harness.SetSystemConfigAsync(SystemConfig);

        var exception = await Assert.ThrowsAsync<TenantValidationException>(() => _harness.Admin.CreateOrganizationAsync(new CreateOrganizationRequest
        {
            Slug = "acme",
            Name = "Acme",
            FromSystemBaseline = true,
            ConfigJson = """{"setups":{"default":{"providers":{"openai":{"default_model":"o3"}}}}}""",
        }));

        var diagnostic = Assert.Single(exception.Diagnostics);
        Assert.Equal((DiagnosticCodes.DefaultModelNotInModels, "/setups/default/providers/openai/default_model", (int?)null), (diagnostic.Code, diagnostic.Pointer, diagnostic.Line));
    }
}
