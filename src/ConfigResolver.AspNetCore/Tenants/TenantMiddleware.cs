using Microsoft.AspNetCore.Http;

namespace ConfigResolver.AspNetCore;

/// <summary>Resolves every request's organization up front: 404 problem details for an unknown one; requests that name none pass.</summary>
internal sealed class TenantMiddleware(RequestDelegate next, TenantAccessor tenants)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var tenant = await tenants.GetAsync(context).ConfigureAwait(false);
        if (tenant.IsUnknown)
        {
            await Problems.WriteAsync(context, 404, "Unknown organization", $"there is no organization '{tenant.Slug}'.", ("reason", "unknown_organization")).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }
}
