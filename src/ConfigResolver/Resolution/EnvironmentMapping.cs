using System.Collections.Frozen;

namespace ConfigResolver.Resolution;

/// <summary>
/// The default mapping of environment names LAMB deployments already use to pointers of the resolved view.
/// Every other key can be set with the generic form <c>CFGR__section__...__field</c> (see <see cref="ResolverOptions.EnvironmentPrefix"/>).
/// </summary>
public static class EnvironmentMapping
{
    /// <summary>Gets the LAMB names: environment key to resolved-view pointer. <c>OPENAI_MODELS</c> is comma-separated.</summary>
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
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
}
