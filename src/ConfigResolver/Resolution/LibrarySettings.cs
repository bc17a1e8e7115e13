using ConfigResolver.Configuration;

namespace ConfigResolver.Resolution;

/// <summary>The resolved library server (LAMB's Library Manager: <c>LAMB_LIBRARY_SERVER</c>, <c>LAMB_LIBRARY_TOKEN</c>). <see cref="ToString"/> redacts the token.</summary>
/// <remarks>Immutable and safe to share between threads.</remarks>
public sealed class LibrarySettings
{
    internal LibrarySettings(string? url, Secret? apiKey)
    {
        Url = url;
        ApiKey = apiKey;
    }

    /// <summary>Gets the server URL, or null.</summary>
    public string? Url { get; }

    /// <summary>Gets the token (own, or shared by opt-in), or null.</summary>
    public Secret? ApiKey { get; }

    /// <summary>Renders the settings with the token redacted.</summary>
    /// <returns>The rendering.</returns>
    public override string ToString() => $"library: url {Url ?? "(none)"}, api_key {(ApiKey is null ? "(none)" : Secret.Redacted)}";
}
