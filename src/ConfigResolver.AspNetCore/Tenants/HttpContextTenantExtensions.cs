using ConfigResolver.AspNetCore;
using ConfigResolver.Resolution;

namespace Microsoft.AspNetCore.Http;

/// <summary>The request's organization and its resolved configuration.</summary>
public static class HttpContextTenantExtensions
{
    /// <summary>Gets the resolved configuration of the request's organization.</summary>
    /// <param name="context">The request.</param>
    /// <returns>The configuration the tenant strategies found and the resolver resolved (secrets included: never echo them).</returns>
    /// <exception cref="InvalidOperationException">
    /// The request's organization has not been resolved: add <c>app.UseConfigResolver()</c> or <c>RequirePermission</c>
    /// to the endpoint, or no strategy found an organization.
    /// </exception>
    public static TenantConfig GetTenantConfig(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<TenantLookup>()?.Config ?? throw new InvalidOperationException(
            "this request has no resolved organization: call app.UseConfigResolver() (or use RequirePermission on the endpoint), and make sure a tenant strategy finds the organization.");
    }

    /// <summary>Gets the resolved configuration of the request's organization, or null when there is none.</summary>
    /// <param name="context">The request.</param>
    /// <returns>The configuration, or null.</returns>
    public static TenantConfig? FindTenantConfig(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Features.Get<TenantLookup>()?.Config;
    }
}
