using ConfigResolver.Policy;

namespace ConfigResolver.AspNetCore;

/// <summary>Settings of the HTTP API that <c>MapConfigResolverApi</c> maps (the API <c>cfgr serve</c> serves).</summary>
public sealed class ConfigResolverApiOptions
{
    /// <summary>The largest request body accepted: 1 MiB.</summary>
    public const int DefaultMaxRequestBodyBytes = 1024 * 1024;

    /// <summary>
    /// Gets or sets the bearer token every <c>/v1</c> call must present (<c>Authorization: Bearer ...</c>, compared in
    /// constant time); null when calls need none. <c>/healthz</c> and <c>/metrics</c> never need it.
    /// </summary>
    public string? BearerToken { get; set; }

    /// <summary>Gets or sets the Casbin enforcer <c>/v1/enforce</c> answers from; null when none was given (the endpoints answer 404).</summary>
    public Enforcer? Enforcer { get; set; }

    /// <summary>
    /// Gets or sets how explanations show the policy directory (for example <c>(built-in)</c> when the policies are a
    /// private copy); null shows the directory's path.
    /// </summary>
    public string? PolicyDirectoryDisplay { get; set; }

    /// <summary>Gets or sets the largest request body accepted; larger bodies get 400. Default 1 MiB.</summary>
    public int MaxRequestBodyBytes { get; set; } = DefaultMaxRequestBodyBytes;
}
