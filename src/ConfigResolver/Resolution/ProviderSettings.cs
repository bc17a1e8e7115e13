using System.Collections.Immutable;
using ConfigResolver.Configuration;

namespace ConfigResolver.Resolution;

/// <summary>One provider's resolved settings. Reading any property allocates nothing.</summary>
/// <remarks>
/// Immutable. A disabled provider exposes no settings (null key, URL and model, no models): it never falls back
/// to a lower layer's provider. Provenance per field is in <see cref="TenantConfig.Values"/> under
/// <c>/providers/{name}/{field}</c>. <see cref="ToString"/> redacts the key.
/// </remarks>
public sealed class ProviderSettings
{
    internal ProviderSettings(string name, ProviderState state, Secret? apiKey, string? baseUrl, string? defaultModel, ImmutableArray<string> models)
    {
        Name = name;
        State = state;
        ApiKey = apiKey;
        BaseUrl = baseUrl;
        DefaultModel = defaultModel;
        Models = models.IsDefault ? [] : models;
    }

    /// <summary>Gets the provider name, for example <c>openai</c>.</summary>
    public string Name { get; }

    /// <summary>Gets whether the provider is enabled, disabled or absent.</summary>
    public ProviderState State { get; }

    /// <summary>Gets whether the provider can be used.</summary>
    public bool IsEnabled => State == ProviderState.Enabled;

    /// <summary>Gets the API key (own, or shared by opt-in), or null.</summary>
    public Secret? ApiKey { get; }

    /// <summary>Gets the base URL, or null.</summary>
    public string? BaseUrl { get; }

    /// <summary>Gets the default model, or null.</summary>
    public string? DefaultModel { get; }

    /// <summary>Gets the models; empty when none are configured.</summary>
    public ImmutableArray<string> Models { get; }

    /// <summary>Renders e.g. <c>openai: enabled, base_url https://api.openai.com/v1, api_key [redacted]</c>.</summary>
    /// <returns>The rendering; the key is redacted.</returns>
    public override string ToString() =>
        $"{Name}: {ResolutionNames.ToName(State)}, base_url {BaseUrl ?? "(none)"}, api_key {(ApiKey is null ? "(none)" : Secret.Redacted)}, default_model {DefaultModel ?? "(none)"}, models [{string.Join(", ", Models)}]";
}
