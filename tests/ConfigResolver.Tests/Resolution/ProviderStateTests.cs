using ConfigResolver.Resolution;

namespace ConfigResolver.Tests.Resolution;

/// <summary>Absent, disabled, inherited and shared are different, visible states.</summary>
public sealed class ProviderStateTests
{
    private static readonly Dictionary<string, string?> OperatorEnvironment = new()
    {
        ["OPENAI_API_KEY"] = "sk-operator",
        ["OPENAI_BASE_URL"] = "https://proxy.operator.example/v1",
        ["OPENAI_MODELS"] = "gpt-4o, gpt-4o-mini",
        ["OPENAI_MODEL"] = "gpt-4o",
    };

    [Fact]
    public async Task Provider_disabled_by_the_organization_resolves_as_disabled_not_as_the_operators_provider()
    {
        using var harness = ResolverHarness.Create(OperatorEnvironment);
        await harness.CreateOrganizationAsync("acme", """{"version":1,"setups":{"default":{"providers":{"openai":{"enabled":false}}}},"inheritance":{"providers":{"openai":{"share_api_key":true}}}}""");

        var config = await harness.Resolver.ResolveAsync("acme");

        var openai = config.Providers["openai"];
        Assert.Equal(ProviderState.Disabled, openai.State);
        Assert.False(openai.IsEnabled);
        Assert.Null(openai.ApiKey);
        Assert.Null(openai.BaseUrl);
        Assert.Empty(openai.Models);
        var baseUrl = config.Values["/providers/openai/base_url"];
        Assert.Equal((ValueState.Disabled, ConfigLayer.Org, "/setups/default/providers/openai/enabled"), (baseUrl.State, baseUrl.Layer, baseUrl.Provenance.Source));
        Assert.Null(baseUrl.Value);
        Assert.Contains(baseUrl.Provenance.Shadowed, s => s.Layer == ConfigLayer.Env && s.Source == "OPENAI_BASE_URL");
        Assert.Equal(ValueState.Disabled, config.Values["/providers/openai/enabled"].State);
        Assert.False(config.Values["/providers/openai/enabled"].Value!.AsBoolean());
    }

    [Fact]
    public async Task Provider_disabled_by_the_environment_stays_disabled_for_organizations_that_do_not_configure_it()
    {
        using var harness = ResolverHarness.Create(new Dictionary<string, string?> { ["OLLAMA_ENABLED"] = "false" });
        await harness.SetSystemConfigAsync("""{"version":1,"setups":{"default":{"providers":{"ollama":{"base_url":"http://gpu-box:11434"}}}}}""");
        await harness.CreateOrganizationAsync("acme");

        var enabled = await harness.ResolveValueAsync("acme", "/providers/ollama/enabled");

        Assert.Equal((false, ConfigLayer.Env, "OLLAMA_ENABLED", ValueState.Disabled), (enabled.Value!.AsBoolean(), enabled.Layer, enabled.Provenance.Source, enabled.State));
    }

    [Fact]
    public async Task Organization_that_configures_a_provider_overrides_a_lower_layers_disable()
    {
        using var harness = ResolverHarness.Create(new Dictionary<string, string?> { ["OLLAMA_ENABLED"] = "false" });
        await harness.CreateOrganizationAsync("acme", """{"version":1,"setups":{"default":{"providers":{"ollama":{"base_url":"http://acme-gpu:11434"}}}}}""");

        var config = await harness.Resolver.ResolveAsync("acme");

        Assert.Equal(ProviderState.Enabled, config.Providers["ollama"].State);
        Assert.Equal("http://acme-gpu:11434", config.Providers["ollama"].BaseUrl);
        var enabled = config.Values["/providers/ollama/enabled"];
        Assert.Equal((ConfigLayer.Org, "/setups/default/providers/ollama"), (enabled.Layer, enabled.Provenance.Source));
        Assert.Equal("OLLAMA_ENABLED", Assert.Single(enabled.Provenance.Shadowed).Source);
    }

    [Fact]
    public async Task Provider_no_layer_mentions_is_absent_yet_keeps_its_built_in_endpoint()
    {
        using var harness = ResolverHarness.Create();
        await harness.CreateOrganizationAsync("acme");

        var config = await harness.Resolver.ResolveAsync("acme");

        var anthropic = config.Providers["anthropic"];
        Assert.Equal(ProviderState.Absent, anthropic.State);
        Assert.Equal(ValueState.Absent, config.Values["/providers/anthropic/enabled"].State);
        Assert.Equal(ConfigLayer.None, config.Values["/providers/anthropic/enabled"].Layer);
        Assert.Equal(("https://api.anthropic.com/v1", ConfigLayer.Default), (anthropic.BaseUrl, config.Values["/providers/anthropic/base_url"].Layer));
        Assert.Equal(["anthropic", "google", "ollama", "openai"], config.Providers.Keys.Order());
    }

    [Fact]
    public async Task Operator_key_is_withheld_and_the_explanation_says_how_to_opt_in()
    {
        using var harness = ResolverHarness.Create(OperatorEnvironment);
        await harness.CreateOrganizationAsync("acme");

        var config = await harness.Resolver.ResolveAsync("acme");

        var apiKey = config.Values["/providers/openai/api_key"];
        Assert.Equal((ValueState.Absent, (object?)null), (apiKey.State, apiKey.Value));
        var withheld = Assert.Single(apiKey.Provenance.Shadowed);
        Assert.True(withheld.Withheld);
        Assert.Equal("OPENAI_API_KEY", withheld.Source);
        Assert.Contains("/inheritance/providers/openai/share_api_key", apiKey.Provenance.Note, StringComparison.Ordinal);
        Assert.Equal(ProviderState.Enabled, config.Providers["openai"].State);
        Assert.Null(config.Providers["openai"].ApiKey);
        Assert.Equal(("https://proxy.operator.example/v1", ConfigLayer.Env), (config.Providers["openai"].BaseUrl, config.Values["/providers/openai/base_url"].Layer));
    }

    [Theory]
    [InlineData("openai")]
    [InlineData("*")]
    public async Task Deployment_wide_sharing_shares_the_operator_key_with_every_organization(string shared)
    {
        var options = new ResolverOptions();
        options.SharedProviderApiKeys.Add(shared);
        using var harness = ResolverHarness.Create(OperatorEnvironment, options);
        await harness.CreateOrganizationAsync("acme");

        var apiKey = await harness.ResolveValueAsync("acme", "/providers/openai/api_key");

        Assert.Equal((ValueState.Shared, ConfigLayer.Env, "sk-operator"), (apiKey.State, apiKey.Layer, apiKey.Value!.AsSecret().Reveal()));
    }

    [Fact]
    public async Task Sharing_one_providers_key_does_not_share_another()
    {
        var options = new ResolverOptions();
        options.SharedProviderApiKeys.Add("anthropic");
        using var harness = ResolverHarness.Create(OperatorEnvironment, options);
        await harness.CreateOrganizationAsync("acme");

        Assert.Equal(ValueState.Absent, (await harness.ResolveValueAsync("acme", "/providers/openai/api_key")).State);
    }

    [Theory]
    [InlineData(false, false, ValueState.Absent)]
    [InlineData(true, false, ValueState.Shared)]
    [InlineData(false, true, ValueState.Shared)]
    public async Task Kb_server_token_follows_the_same_opt_in_rule(bool optIn, bool deploymentWide, ValueState expected)
    {
        var options = new ResolverOptions { ShareKbServerApiKey = deploymentWide };
        using var harness = ResolverHarness.Create(new Dictionary<string, string?> { ["LAMB_KB_SERVER"] = "https://kb.operator.example", ["LAMB_KB_SERVER_TOKEN"] = "kb-operator-token" }, options);
        await harness.CreateOrganizationAsync("acme", optIn ? """{"version":1,"inheritance":{"kb_server":{"share_api_key":true}}}""" : null);

        var config = await harness.Resolver.ResolveAsync("acme");

        Assert.Equal(expected, config.Values["/kb_server/api_key"].State);
        Assert.Equal(expected == ValueState.Shared ? "kb-operator-token" : null, config.KbServer.ApiKey?.Reveal());
        Assert.Equal(("https://kb.operator.example", ConfigLayer.Env), (config.KbServer.Url, config.Values["/kb_server/url"].Layer));
    }

    [Fact]
    public async Task System_organization_uses_environment_secrets_as_its_own()
    {
        using var harness = ResolverHarness.Create(OperatorEnvironment);

        var config = await harness.Resolver.ResolveSystemAsync();

        Assert.True(config.IsSystemOrganization);
        Assert.Equal("sk-operator", config.Providers["openai"].ApiKey?.Reveal());
        Assert.Equal(ValueState.Shared, config.Values["/providers/openai/api_key"].State);
        Assert.DoesNotContain(config.AllValues, v => v.Layer == ConfigLayer.System);
    }

    [Fact]
    public async Task Features_and_metadata_are_never_inherited_from_the_system_organization()
    {
        using var harness = ResolverHarness.Create();
        await harness.SetSystemConfigAsync("""{"version":1,"features":{"signup_enabled":true,"signup_key":"system-key-1"},"metadata":{"description":"operator"}}""");
        await harness.CreateOrganizationAsync("acme");

        var config = await harness.Resolver.ResolveAsync("acme");

        Assert.False(config.Features.SignupEnabled);
        Assert.Equal(ConfigLayer.Default, config.Values["/features/signup_enabled"].Layer);
        Assert.Null(config.Features.SignupKey);
        Assert.Null(config.Metadata.Description);
        Assert.Equal(ValueState.Absent, config.Values["/metadata/description"].State);
    }
}
