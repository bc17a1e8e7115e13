using ConfigResolver.Configuration;

namespace ConfigResolver.Resolution;

/// <summary>The resolved knowledge-base server. <see cref="ToString"/> redacts the key.</summary>
public sealed class KbServerSettings
{
    internal KbServerSettings(string? url, Secret? apiKey)
    {
        Url = url;
        ApiKey = apiKey;
    }

    /// <summary>Gets the server URL, or null.</summary>
    public string? Url { get; }

    /// <summary>Gets the API key (own, or shared by opt-in), or null.</summary>
    public Secret? ApiKey { get; }

    /// <summary>Renders the settings with the key redacted.</summary>
    /// <returns>The rendering.</returns>
    public override string ToString() => $"kb_server: url {Url ?? "(none)"}, api_key {(ApiKey is null ? "(none)" : Secret.Redacted)}";
}
