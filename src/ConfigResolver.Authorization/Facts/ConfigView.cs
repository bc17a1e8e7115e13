using System.Collections.Frozen;
using ConfigResolver.Resolution;

namespace ConfigResolver.Authorization.Facts;

/// <summary>
/// Builds the <c>config</c> condition variable from a resolved <see cref="TenantConfig"/>: the resolved view without
/// setups, every secret replaced by whether it is set (<c>api_key_set</c>), absent text as <c>''</c>. Conditions can
/// therefore never read, compare or leak a secret value.
/// </summary>
internal static class ConfigView
{
    public static IReadOnlyDictionary<string, object?> Empty { get; } = Build(null);

    public static IReadOnlyDictionary<string, object?> Build(TenantConfig? config)
    {
        var providers = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (config is not null)
        {
            foreach (var (name, provider) in config.Providers)
            {
                providers[name] = Map(
                    ("enabled", provider.IsEnabled),
                    ("state", provider.State.ToString().ToLowerInvariant()),
                    ("base_url", provider.BaseUrl ?? string.Empty),
                    ("default_model", provider.DefaultModel ?? string.Empty),
                    ("models", provider.Models.ToArray()),
                    ("api_key_set", provider.ApiKey is not null));
            }
        }

        var assistant = config?.AssistantDefaults;
        return Map(
            ("providers", providers.ToFrozenDictionary(StringComparer.Ordinal)),
            ("kb_server", Map(("url", config?.KbServer.Url ?? string.Empty), ("api_key_set", config?.KbServer.ApiKey is not null))),
            ("assistant_defaults", Map(
                ("prompt_template", assistant?.PromptTemplate ?? string.Empty),
                ("system_prompt", assistant?.SystemPrompt ?? string.Empty),
                ("default_provider", assistant?.DefaultProvider ?? string.Empty),
                ("default_model", assistant?.DefaultModel ?? string.Empty),
                ("small_fast_model", assistant?.SmallFastModel ?? string.Empty))),
            ("features", Map(("signup_enabled", config?.Features.SignupEnabled ?? false))),
            ("metadata", Map(("description", config?.Metadata.Description ?? string.Empty), ("contact_email", config?.Metadata.ContactEmail ?? string.Empty))));
    }

    private static FrozenDictionary<string, object?> Map(params (string Key, object? Value)[] entries) =>
        entries.ToFrozenDictionary(static e => e.Key, static e => e.Value, StringComparer.Ordinal);
}
