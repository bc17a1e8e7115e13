using ConfigResolver.Diagnostics;
using ConfigResolver.Resolution;
using ConfigResolver.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ConfigResolver.Tests.Resolution;

public sealed class EnvironmentLayerTests
{
    public static TheoryData<string, string, string, string> LambNames => new()
    {
        { "OPENAI_API_KEY", "sk-op", "/providers/openai/api_key", "[redacted]" },
        { "OPENAI_BASE_URL", "https://proxy.example/v1", "/providers/openai/base_url", "https://proxy.example/v1" },
        { "OPENAI_MODEL", "gpt-4o", "/providers/openai/default_model", "gpt-4o" },
        { "OPENAI_MODELS", " gpt-4o ,gpt-4o-mini,, ", "/providers/openai/models", "[gpt-4o, gpt-4o-mini]" },
        { "OPENAI_ENABLED", "FALSE", "/providers/openai/enabled", "false" },
        { "OLLAMA_BASE_URL", "http://ollama:11434", "/providers/ollama/base_url", "http://ollama:11434" },
        { "OLLAMA_MODEL", "llama3.1", "/providers/ollama/default_model", "llama3.1" },
        { "OLLAMA_ENABLED", "yes", "/providers/ollama/enabled", "true" },
        { "LAMB_KB_SERVER", "http://kb:9090", "/kb_server/url", "http://kb:9090" },
        { "LAMB_KB_SERVER_TOKEN", "kb-token", "/kb_server/api_key", "[redacted]" },
        { "LAMB_LIBRARY_SERVER", "http://library:9091", "/library/url", "http://library:9091" },
        { "LAMB_LIBRARY_TOKEN", "lib-token", "/library/api_key", "[redacted]" },
        { "GLOBAL_DEFAULT_MODEL_PROVIDER", "openai", "/global_default_model/provider", "openai" },
        { "GLOBAL_DEFAULT_MODEL_NAME", "gpt-4o-mini", "/global_default_model/model", "gpt-4o-mini" },
        { "SMALL_FAST_MODEL_PROVIDER", "ollama", "/small_fast_model/provider", "ollama" },
        { "SMALL_FAST_MODEL_NAME", "llama3.2:1b", "/small_fast_model/model", "llama3.2:1b" },
        { "OLLAMA_MODEL", "llama3.1:latest", "/providers/ollama/models", "[llama3.1:latest]" },
        { "LLM_DEFAULT_MODEL", "o1-mini", "/providers/llm/default_model", "o1-mini" },
        { "LLM_ENABLED", "false", "/providers/llm/enabled", "false" },
        { "GEMINI_API_KEY", "g-key", "/providers/google/api_key", "[redacted]" },
        { "GOOGLE_API_KEY", "g-key", "/providers/google/api_key", "[redacted]" },
        { "GEMINI_MODELS", "gemini-2.0-flash, gemini-1.5-pro", "/providers/google/models", "[gemini-2.0-flash, gemini-1.5-pro]" },
        { "GEMINI_DEFAULT_MODEL", "gemini-2.0-flash", "/providers/google/default_model", "gemini-2.0-flash" },
        { "SIGNUP_ENABLED", "true", "/features/signup_enabled", "true" },
        { "SIGNUP_SECRET_KEY", "operator-key-1", "/features/signup_key", "[redacted]" },
    };

    [Fact]
    public async Task Gemini_api_key_wins_over_google_api_key()
    {
        using var harness = ResolverHarness.Create(new Dictionary<string, string?> { ["GOOGLE_API_KEY"] = "google-key", ["GEMINI_API_KEY"] = "gemini-key" });

        var value = (await harness.Resolver.ResolveSystemAsync()).Values["/providers/google/api_key"];

        Assert.Equal(("gemini-key", "GEMINI_API_KEY"), (value.Value?.AsSecret().Reveal(), value.Provenance.Source));
    }

    [Fact]
    public async Task Ollama_model_is_also_the_providers_only_model_unless_the_models_are_set_otherwise()
    {
        using var harness = ResolverHarness.Create(new Dictionary<string, string?> { ["OLLAMA_MODEL"] = "llama3.1", ["CFGR:providers:ollama:models"] = "llama3.1,mistral" });

        var config = await harness.Resolver.ResolveSystemAsync();

        Assert.Equal(("llama3.1", "[llama3.1, mistral]"), (config.Providers["ollama"].DefaultModel, config.Values["/providers/ollama/models"].Value?.ToString()));
    }

    [Theory]
    [MemberData(nameof(LambNames))]
    public async Task Lamb_environment_names_map_to_resolved_pointers(string key, string text, string resolvedPointer, string rendered)
    {
        using var harness = ResolverHarness.Create(new Dictionary<string, string?> { [key] = text });

        var value = (await harness.Resolver.ResolveSystemAsync()).Values[resolvedPointer];

        Assert.Equal((ConfigLayer.Env, key, rendered), (value.Layer, value.Provenance.Source, value.Value?.ToString()));
    }

    [Fact]
    public async Task Generic_double_underscore_environment_variables_set_any_layered_key()
    {
        var prefix = "CFGRTEST" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var variable = prefix + "__PROVIDERS__Mistral__BASE_URL";
        Environment.SetEnvironmentVariable(variable, "https://api.mistral.example/v1");
        try
        {
            var options = new ResolverOptions { EnvironmentPrefix = prefix };
            var environment = new ConfigurationBuilder().AddEnvironmentVariables().Build();
            using var resolver = new TenantConfigResolver(new InMemoryTenantStore(), environment, Options.Create(options));

            var config = await resolver.ResolveSystemAsync();

            var value = config.Values["/providers/mistral/base_url"];
            Assert.Equal(("https://api.mistral.example/v1", ConfigLayer.Env, variable), (value.Value?.AsString(), value.Layer, value.Provenance.Source));
            Assert.Equal(ProviderState.Enabled, config.Providers["mistral"].State);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task Generic_form_wins_over_the_lamb_name_for_the_same_key()
    {
        using var harness = ResolverHarness.Create(new Dictionary<string, string?>
        {
            ["OPENAI_BASE_URL"] = "https://lamb.example/v1",
            ["CFGR:providers:openai:base_url"] = "https://generic.example/v1",
        });

        var value = (await harness.Resolver.ResolveSystemAsync()).Values["/providers/openai/base_url"];

        Assert.Equal(("https://generic.example/v1", "CFGR__providers__openai__base_url"), (value.Value?.AsString(), value.Provenance.Source));
    }

    [Fact]
    public async Task Generic_list_may_be_given_as_indexed_children()
    {
        using var harness = ResolverHarness.Create(new Dictionary<string, string?>
        {
            ["CFGR:providers:openai:models:1"] = "b",
            ["CFGR:providers:openai:models:0"] = "a",
        });

        Assert.Equal(["a", "b"], (await harness.Resolver.ResolveSystemAsync()).Providers["openai"].Models.ToArray());
    }

    [Fact]
    public void Every_invalid_environment_value_is_reported_at_construction()
    {
        var exception = Assert.Throws<ConfigResolutionException>(() => ResolverHarness.Create(new Dictionary<string, string?>
        {
            ["OPENAI_BASE_URL"] = "localhost:8080",
            ["OLLAMA_ENABLED"] = "maybe",
            ["CFGR:providers:openai:colour"] = "red",
            ["CFGR:features:signup_enabled"] = "true",
        }));

        Assert.Equal(
            [
                ("environment 'CFGR__features__signup_enabled'", "/features/signup_enabled"),
                ("environment 'CFGR__providers__openai__colour'", "/providers/openai/colour"),
                ("environment 'OLLAMA_ENABLED'", "/providers/ollama/enabled"),
                ("environment 'OPENAI_BASE_URL'", "/providers/openai/base_url"),
            ],
            exception.Diagnostics.Select(d => (d.Where!, d.Pointer!)));
        Assert.All(exception.Diagnostics, d => Assert.Equal(DiagnosticCodes.InvalidEnvironmentValue, d.Code));
        Assert.Contains("environment 'OPENAI_BASE_URL': error CFG1030: /providers/openai/base_url: expected an absolute http or https URL; found 'localhost:8080'.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_environment_values_count_as_unset()
    {
        using var harness = ResolverHarness.Create(new Dictionary<string, string?> { ["OPENAI_API_KEY"] = string.Empty, ["OPENAI_ENABLED"] = string.Empty });

        var config = await harness.Resolver.ResolveSystemAsync();

        Assert.Equal(ProviderState.Absent, config.Providers["openai"].State);
    }

    [Fact]
    public async Task Mapping_overrides_add_names_and_switch_lamb_names_off()
    {
        var options = new ResolverOptions();
        options.EnvironmentMapping["MISTRAL_API_KEY"] = "/providers/mistral/api_key";
        options.EnvironmentMapping["OPENAI_API_KEY"] = string.Empty;
        using var harness = ResolverHarness.Create(new Dictionary<string, string?> { ["MISTRAL_API_KEY"] = "m-key", ["OPENAI_API_KEY"] = "sk-op" }, options);

        var config = await harness.Resolver.ResolveSystemAsync();

        Assert.Equal("m-key", config.Providers["mistral"].ApiKey?.Reveal());
        Assert.Null(config.Providers["openai"].ApiKey);
    }

    [Fact]
    public async Task Lamb_names_can_be_switched_off_entirely()
    {
        using var harness = ResolverHarness.Create(new Dictionary<string, string?> { ["OPENAI_API_KEY"] = "sk-op" }, new ResolverOptions { UseLambEnvironmentNames = false });

        Assert.Null((await harness.Resolver.ResolveSystemAsync()).Providers["openai"].ApiKey);
    }

    [Fact]
    public void Mapping_to_a_key_outside_the_resolved_view_is_rejected()
    {
        var options = new ResolverOptions();
        options.EnvironmentMapping["ORG_DESCRIPTION"] = "/metadata/description";

        var exception = Assert.Throws<ConfigResolutionException>(() => ResolverHarness.Create(options: options));

        Assert.Equal((DiagnosticCodes.InvalidEnvironmentMapping, "/metadata/description"), (exception.Diagnostics.Single().Code, exception.Diagnostics.Single().Pointer));
    }
}
