using Microsoft.AspNetCore.Http;

namespace ConfigResolver.AspNetCore;

/// <summary>The organization is a route value, for example <c>{org}</c> in <c>/orgs/{org}/agents</c>.</summary>
/// <param name="routeValue">The route value's name.</param>
public sealed class RouteValueTenantStrategy(string routeValue) : ITenantStrategy
{
    /// <inheritdoc />
    public string? FindTenant(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.RouteValues.TryGetValue(routeValue, out var value) && value is string { Length: > 0 } slug ? slug : null;
    }
}
