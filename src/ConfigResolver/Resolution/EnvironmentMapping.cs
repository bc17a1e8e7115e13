using System.Collections.Frozen;

namespace ConfigResolver.Resolution;

/// <summary>
/// The default mapping of environment names LAMB deployments already use to pointers of the resolved view.
/// Every other key can be set with the generic form <c>CFGR__section__...__field</c> (see <see cref="ResolverOptions.EnvironmentPrefix"/>).
/// </summary>
public static class EnvironmentMapping
{
    /// <summary>
    /// Gets the LAMB names: environment key to resolved-view pointer. <c>OPENAI_MODELS</c> and <c>GEMINI_MODELS</c> are
    /// comma-separated. <c>GEMINI_API_KEY</c> wins over <c>GOOGLE_API_KEY</c> when both are set. <c>SIGNUP_ENABLED</c> and
    /// <c>SIGNUP_SECRET_KEY</c> apply to the system organization only.
    /// </summary>
    public static FrozenDictionary<string, string> LambNames { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["OPENAI_API_KEY"] = "/providers/openai/api_key",
        ["OPENAI_BASE_URL"] = "/providers/openai/base_url",
        ["OPENAI_MODEL"] = "/providers/openai/default_model",
        ["OPENAI_MODELS"] = "/providers/openai/models",
        ["OPENAI_ENABLED"] = "/providers/openai/enabled",
        ["OLLAMA_BASE_URL"] = "/providers/ollama/base_url",
        ["OLLAMA_MODEL"] = "/providers/ollama/default_model",
        ["OLLAMA_ENABLED"] = "/providers/ollama/enabled",
        ["LAMB_KB_SERVER"] = "/kb_server/url",
        ["LAMB_KB_SERVER_TOKEN"] = "/kb_server/api_key",
        ["LAMB_LIBRARY_SERVER"] = "/library/url",
        ["LAMB_LIBRARY_TOKEN"] = "/library/api_key",
        ["GLOBAL_DEFAULT_MODEL_PROVIDER"] = "/global_default_model/provider",
        ["GLOBAL_DEFAULT_MODEL_NAME"] = "/global_default_model/model",
        ["SMALL_FAST_MODEL_PROVIDER"] = "/small_fast_model/provider",
        ["SMALL_FAST_MODEL_NAME"] = "/small_fast_model/model",
        ["LLM_DEFAULT_MODEL"] = "/providers/llm/default_model",
        ["LLM_ENABLED"] = "/providers/llm/enabled",
        ["GEMINI_API_KEY"] = "/providers/google/api_key",
        ["GOOGLE_API_KEY"] = "/providers/google/api_key",
        ["GEMINI_MODELS"] = "/providers/google/models",
        ["GEMINI_DEFAULT_MODEL"] = "/providers/google/default_model",
        ["SIGNUP_ENABLED"] = "/features/signup_enabled",
        ["SIGNUP_SECRET_KEY"] = "/features/signup_key",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
}
