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
}
