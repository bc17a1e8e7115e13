namespace ConfigResolver.AspNetCore;

/// <summary>The ordered list of tenant strategies; the first that finds an organization wins (like Finbuckle's).</summary>
public sealed class TenantStrategies
{
    internal List<ITenantStrategy> Items { get; } = [];

    /// <summary>Adds a route value strategy.</summary>
    /// <param name="routeValue">The route value's name; <c>org</c> by default.</param>
    /// <returns>This list.</returns>
    public TenantStrategies FromRoute(string routeValue = "org") => Add(new RouteValueTenantStrategy(routeValue));

    /// <summary>Adds a header strategy.</summary>
    /// <param name="header">The header's name; <c>X-Org</c> by default.</param>
    /// <returns>This list.</returns>
    public TenantStrategies FromHeader(string header = "X-Org") => Add(new HeaderTenantStrategy(header));

    /// <summary>Adds a host name strategy.</summary>
    /// <param name="parentDomain">The domain organizations are subdomains of.</param>
    /// <returns>This list.</returns>
    public TenantStrategies FromHost(string parentDomain) => Add(new HostTenantStrategy(parentDomain));

    /// <summary>Adds a claim strategy.</summary>
    /// <param name="claimType">The claim's type; <c>org</c> by default.</param>
    /// <returns>This list.</returns>
    public TenantStrategies FromClaim(string claimType = "org") => Add(new ClaimTenantStrategy(claimType));

    /// <summary>Adds a strategy of the application's own.</summary>
    /// <param name="strategy">The strategy.</param>
    /// <returns>This list.</returns>
    public TenantStrategies Add(ITenantStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        Items.Add(strategy);
        return this;
    }
}
