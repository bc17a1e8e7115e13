using ConfigResolver.AspNetCore;

namespace Microsoft.AspNetCore.Builder;

/// <summary><c>.RequirePermission("agents:write")</c> for minimal API endpoints and groups.</summary>
public static class PermissionEndpointExtensions
{
    /// <summary>
    /// Requires a ConfigResolver permission: the request's principal must be allowed <paramref name="action"/> on
    /// <paramref name="resource"/> in the request's organization.
    /// </summary>
    /// <typeparam name="TBuilder">The endpoint convention builder.</typeparam>
    /// <param name="builder">The endpoint or group.</param>
    /// <param name="action">The action, for example <c>agents:write</c>.</param>
    /// <param name="resource">The resource pattern (<c>{name}</c> is replaced by that route value), or null.</param>
    /// <returns>The builder.</returns>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, string action, string? resource = null)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(action);
        return builder.RequireAuthorization(PermissionPolicyNames.For(action, resource));
    }
}
