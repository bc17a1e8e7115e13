namespace ConfigResolver.Tests.Routing;

/// <summary>
/// The routing table: an organization document (setup <c>default</c>), a request, and the expected candidates
/// (<c>provider/model@step</c>, in order) and refusals (<c>provider/model:words of the reason</c>, separated by <c> | </c>; <c>-</c> for none).
/// </summary>
internal static class CompletionRouteCases
{
    /// <summary>LAMB's documentation example: openai (key, 3 models, default gpt-4o-mini), ollama (3 models), anthropic disabled.</summary>
    public const string Engineering = """
        {"version":"1.0","setups":{"default":{"providers":{
          "openai":{"enabled":true,"api_key":"sk-eng","base_url":"https://api.openai.com/v1","default_model":"gpt-4o-mini","models":["gpt-4o","gpt-4o-mini","gpt-4"]},
          "ollama":{"enabled":true,"base_url":"http://localhost:11434","default_model":"llama3.1:latest","models":["llama3.1:latest","mistral:latest","llama2:latest"]},
          "anthropic":{"enabled":false,"api_key":"","default_model":"claude-3-5-sonnet-20241022","models":[]}}}}}
        """;

    public static TheoryData<string, string, string?, string?, string, string> Cases => new()
    {
        { "no request: the first enabled provider with models, then the others", Engineering, null, null,
            "openai/gpt-4o-mini@4 ollama/llama3.1:latest@4", "anthropic:disabled by org /setups/default/providers/anthropic/enabled" },
        { "a listed model of the requested provider comes first, then that provider's default", Engineering, "gpt-4o", "openai",
            "openai/gpt-4o@1 openai/gpt-4o-mini@3 ollama/llama3.1:latest@4", "anthropic:disabled" },
        { "an unlisted model is refused and the provider's default answers", Engineering, "gpt-5", "openai",
            "openai/gpt-4o-mini@3 ollama/llama3.1:latest@4", "openai/gpt-5:not listed by provider 'openai' | anthropic:disabled" },
        { "a disabled provider is refused, whatever the model", Engineering, "claude-3-5-sonnet-20241022", "anthropic",
            "openai/gpt-4o-mini@4 ollama/llama3.1:latest@4", "anthropic/claude-3-5-sonnet-20241022:disabled" },
        { "a provider asked for alone answers with its default model", Engineering, null, "ollama",
            "ollama/llama3.1:latest@3 openai/gpt-4o-mini@4", "anthropic:disabled" },
        { "a model asked for alone goes to the first provider that lists it", Engineering, "mistral:latest", null,
            "ollama/mistral:latest@1 openai/gpt-4o-mini@4 ollama/llama3.1:latest@4", "anthropic:disabled" },
        { "a model nobody lists is refused", Engineering, "gpt-5", null,
            "openai/gpt-4o-mini@4 ollama/llama3.1:latest@4", "gpt-5:no usable provider lists | anthropic:disabled" },
        { "an unknown provider is refused as not configured", Engineering, "x", "mistral",
            "openai/gpt-4o-mini@4 ollama/llama3.1:latest@4", "mistral/x:not configured | anthropic:disabled" },
        { "the global default model answers before the providers' defaults",
            Engineering.Replace("\"providers\":{", "\"global_default_model\":{\"provider\":\"ollama\",\"model\":\"mistral:latest\"},\"providers\":{", StringComparison.Ordinal), null, null,
            "ollama/mistral:latest@2 openai/gpt-4o-mini@4 ollama/llama3.1:latest@4", "anthropic:disabled" },
        { "the global default model comes after a request it does not match",
            Engineering.Replace("\"providers\":{", "\"global_default_model\":{\"provider\":\"ollama\",\"model\":\"mistral:latest\"},\"providers\":{", StringComparison.Ordinal), "gpt-4", "openai",
            "openai/gpt-4@1 ollama/mistral:latest@2 openai/gpt-4o-mini@3 ollama/llama3.1:latest@4", "anthropic:disabled" },
        { "a global default model its provider does not list is refused",
            Engineering.Replace("\"providers\":{", "\"global_default_model\":{\"provider\":\"openai\",\"model\":\"o3\"},\"providers\":{", StringComparison.Ordinal), null, null,
            "openai/gpt-4o-mini@4 ollama/llama3.1:latest@4", "openai/o3:global default model: model 'o3' is not listed | anthropic:disabled" },
        { "a global default model of a disabled provider is refused",
            Engineering.Replace("\"providers\":{", "\"global_default_model\":{\"provider\":\"anthropic\",\"model\":\"claude\"},\"providers\":{", StringComparison.Ordinal), null, null,
            "openai/gpt-4o-mini@4 ollama/llama3.1:latest@4", "anthropic:disabled" },
        { "without a listed default_model the provider's first model answers",
            """{"version":1,"setups":{"default":{"providers":{"openai":{"api_key":"k","models":["gpt-4o","gpt-4o-mini"]}}}}}""", null, "openai",
            "openai/gpt-4o@3", "-" },
        { "the document's order decides the last fallback",
            """{"version":1,"setups":{"default":{"providers":{"ollama":{"models":["llama3.1"]},"openai":{"api_key":"k","models":["gpt-4o"]}}}}}""", null, null,
            "ollama/llama3.1@4 openai/gpt-4o@4", "-" },
        { "an enabled provider without models cannot answer",
            """{"version":1,"setups":{"default":{"providers":{"ollama":{"default_model":"llama3.1"},"openai":{"api_key":"k","models":["gpt-4o"]}}}}}""", null, "ollama",
            "openai/gpt-4o@4", "ollama:lists no models" },
        { "a provider without a key of its own is refused while the operator withholds its key",
            """{"version":1,"setups":{"default":{"providers":{"openai":{"models":["gpt-4o"]},"ollama":{"models":["llama3.1"]}}}}}""", "gpt-4o", "openai",
            "ollama/llama3.1@4", "openai/gpt-4o:no key and no opt-in share" },
        { "an opted-in share of the operator's key makes the provider usable",
            """{"version":1,"setups":{"default":{"providers":{"openai":{"models":["gpt-4o"]}}}},"inheritance":{"providers":{"openai":{"share_api_key":true}}}}""", "gpt-4o", "openai",
            "openai/gpt-4o@1", "-" },
        { "providers only the environment configures follow the document's",
            """{"version":1,"setups":{"default":{"providers":{"ollama":{"models":["llama3.1"]}}}},"inheritance":{"providers":{"openai":{"share_api_key":true}}}}""", null, null,
            "ollama/llama3.1@4 openai/gpt-4o@4", "-" },
    };
}
