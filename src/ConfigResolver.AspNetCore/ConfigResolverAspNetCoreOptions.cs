namespace ConfigResolver.AspNetCore;

/// <summary>How requests map to an organization and a principal.</summary>
public sealed class ConfigResolverAspNetCoreOptions
{
    /// <summary>
    /// Gets the tenant strategies, in order. When none are added: the route value <c>org</c>, then the header
    /// <c>X-Org</c>, then the claim <c>org</c>.
    /// </summary>
    public TenantStrategies Tenants { get; } = new();

    /// <summary>
    /// Gets or sets the claim holding the user: a user id (a GUID) or an email address. Default <c>sub</c>; when the
    /// user has no such claim, <c>ClaimTypes.NameIdentifier</c> is tried.
    /// </summary>
    public string UserIdClaimType { get; set; } = "sub";

    /// <summary>
    /// Gets or sets the request header carrying an API key (<c>cfgr_...</c>, from <c>cfgr apikey create</c>). Default
    /// <c>X-Api-Key</c>; null or empty turns API keys off. A request whose user the host's own authentication already
    /// established is mapped from its claims and the header is ignored; otherwise a presented key acts with its own scopes
    /// in its own organization only, and a malformed, unknown, revoked or expired key is a 401 whose reason says which
    /// (the key itself never appears in a response or a log).
    /// </summary>
    public string? ApiKeyHeader { get; set; } = "X-Api-Key";
}
