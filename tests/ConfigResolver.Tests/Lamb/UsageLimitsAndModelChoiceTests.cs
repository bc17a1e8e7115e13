using ConfigResolver.Diagnostics;
using ConfigResolver.Resolution;
using ConfigResolver.Tests.Resolution;

namespace ConfigResolver.Tests.Lamb;

/// <summary><c>limits.usage</c>, <c>global_default_model</c>, <c>small_fast_model</c> and <c>library</c> resolve through the layers like other values.</summary>
public sealed class UsageLimitsAndModelChoiceTests
{
    [Fact]
    public async Task Usage_limits_resolve_with_provenance_and_minus_one_means_unlimited()
    {
        using var harness = ResolverHarness.Create(new Dictionary<string, string?> { ["CFGR:limits:usage:storage_gb"] = "50" });
        await harness.SetSystemConfigAsync("""{"version":"1.0","limits":{"usage":{"max_assistants_per_user":10,"max_assistants":500}}}""");
        await harness.CreateOrganizationAsync("acme", """{"version":"1.0","limits":{"usage":{"tokens_per_month":-1,"max_assistants":100}}}""");

        var config = await harness.Resolver.ResolveAsync("acme");

        Assert.Equal((UsageLimits.Unlimited, 100L, 10L, 50L), (config.UsageLimits.TokensPerMonth, config.UsageLimits.MaxAssistants, config.UsageLimits.MaxAssistantsPerUser, config.UsageLimits.StorageGb));
        Assert.Equal((ConfigLayer.Org, "/limits/usage/tokens_per_month"), (config.Values["/limits/usage/tokens_per_month"].Layer, config.Values["/limits/usage/tokens_per_month"].Provenance.Source));
        Assert.Equal(ConfigLayer.System, config.Values["/limits/usage/max_assistants_per_user"].Layer);
        Assert.Equal((ConfigLayer.Env, "CFGR__limits__usage__storage_gb"), (config.Values["/limits/usage/storage_gb"].Layer, config.Values["/limits/usage/storage_gb"].Provenance.Source));
        Assert.Equal("limits.usage: tokens_per_month unlimited, max_assistants 100, max_assistants_per_user 10, storage_gb 50", config.UsageLimits.ToString());
    }

    [Fact]
    public async Task Limits_nobody_sets_are_absent()
    {
        using var harness = ResolverHarness.Create();
        await harness.CreateOrganizationAsync("acme");

        var config = await harness.Resolver.ResolveAsync("acme");

        Assert.Null(config.UsageLimits.TokensPerMonth);
        Assert.Equal(ValueState.Absent, config.Values["/limits/usage/tokens_per_month"].State);
    }

    [Theory]
    [InlineData("-2")]
    [InlineData("lots")]
    [InlineData("1.5")]
    public void An_environment_limit_that_is_not_an_integer_of_at_least_minus_one_is_refused(string text)
    {
        var exception = Assert.Throws<ConfigResolutionException>(() => ResolverHarness.Create(new Dictionary<string, string?> { ["CFGR:limits:usage:max_assistants"] = text }));

        Assert.Equal((DiagnosticCodes.InvalidEnvironmentValue, "/limits/usage/max_assistants"), (exception.Diagnostics.Single().Code, exception.Diagnostics.Single().Pointer));
    }

    [Fact]
    public async Task Model_choices_come_from_the_setup_then_from_lambs_environment_names()
    {
        using var harness = ResolverHarness.Create(new Dictionary<string, string?>
        {
            ["GLOBAL_DEFAULT_MODEL_PROVIDER"] = "ollama",
            ["GLOBAL_DEFAULT_MODEL_NAME"] = "llama3.1",
            ["SMALL_FAST_MODEL_PROVIDER"] = "openai",
            ["SMALL_FAST_MODEL_NAME"] = "gpt-4o-mini",
        });
        await harness.CreateOrganizationAsync("acme", """{"version":"1.0","setups":{"default":{"global_default_model":{"provider":"openai","model":"gpt-4o"}},"research":{"small_fast_model":{"provider":"","model":""}}}}""");

        var byDefault = await harness.Resolver.ResolveAsync("acme");
        var research = await harness.Resolver.ResolveAsync("acme", "research");

        Assert.Equal(("openai/gpt-4o", "/setups/default/global_default_model/model"), (byDefault.GlobalDefaultModel?.ToString(), byDefault.Values["/global_default_model/model"].Provenance.Source));
        Assert.Equal(("openai/gpt-4o-mini", "SMALL_FAST_MODEL_NAME"), (byDefault.SmallFastModel?.ToString(), byDefault.Values["/small_fast_model/model"].Provenance.Source));
        Assert.Equal("ollama/llama3.1", research.GlobalDefaultModel?.ToString());
        Assert.Equal(ConfigLayer.Env, research.Values["/small_fast_model/provider"].Layer);
    }

    [Fact]
    public void A_model_choice_provider_from_the_environment_must_be_a_provider_name()
    {
        var exception = Assert.Throws<ConfigResolutionException>(() => ResolverHarness.Create(new Dictionary<string, string?> { ["GLOBAL_DEFAULT_MODEL_PROVIDER"] = "Open AI" }));

        Assert.Equal((DiagnosticCodes.InvalidEnvironmentValue, "/global_default_model/provider"), (exception.Diagnostics.Single().Code, exception.Diagnostics.Single().Pointer));
    }

    [Fact]
    public async Task The_library_token_is_a_secret_shared_only_by_opt_in()
    {
        using var harness = ResolverHarness.Create(new Dictionary<string, string?> { ["LAMB_LIBRARY_SERVER"] = "http://library:9091", ["LAMB_LIBRARY_TOKEN"] = "lib-operator" });
        await harness.CreateOrganizationAsync("closed", """{"version":"1.0"}""");
        await harness.CreateOrganizationAsync("shared", """{"version":"1.0","inheritance":{"library":{"share_api_key":true}}}""");

        var closed = await harness.Resolver.ResolveAsync("closed");
        var shared = await harness.Resolver.ResolveAsync("shared");

        Assert.Equal(("http://library:9091", null), (closed.Library.Url, closed.Library.ApiKey));
        var withheld = closed.Values["/library/api_key"];
        Assert.Equal((ValueState.Absent, "the operator's value is not shared with this organization; set /inheritance/library/share_api_key to true to use it"), (withheld.State, withheld.Provenance.Note));
        Assert.Equal(("lib-operator", ValueState.Shared), (shared.Library.ApiKey?.Reveal(), shared.Values["/library/api_key"].State));
        Assert.Equal("library: url http://library:9091, api_key [redacted]", shared.Library.ToString());
    }
}
