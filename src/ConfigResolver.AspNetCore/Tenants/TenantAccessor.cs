using ConfigResolver.Diagnostics;
using ConfigResolver.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ConfigResolver.AspNetCore;

/// <summary>
/// Finds and resolves a request's organization once, keeping the result in the request's features: the middleware,
/// the permission handler and <c>GetTenantConfig()</c> share it.
/// </summary>
internal sealed class TenantAccessor(ITenantConfigResolver resolver, IOptions<ConfigResolverAspNetCoreOptions> options)
{
    private static readonly ITenantStrategy[] s_defaults =
        [new RouteValueTenantStrategy("org"), new HeaderTenantStrategy("X-Org"), new ClaimTenantStrategy("org")];

    private readonly ITenantStrategy[] _strategies = options.Value.Tenants.Items is { Count: > 0 } items ? [.. items] : s_defaults;

    public ValueTask<TenantLookup> GetAsync(HttpContext context)
    {
        if (context.Features.Get<TenantLookup>() is { } known)
        {
            return ValueTask.FromResult(known);
        }

        string? slug = null;
        foreach (var strategy in _strategies)
        {
            if ((slug = strategy.FindTenant(context)) is not null)
            {
                break;
            }
        }

        if (slug is null)
        {
            context.Features.Set(TenantLookup.NotIdentified);
            return ValueTask.FromResult(TenantLookup.NotIdentified);
        }

        var pending = resolver.ResolveAsync(slug, null, context.RequestAborted);
        if (pending.IsCompletedSuccessfully)
        {
            var found = new TenantLookup(slug, pending.Result);
            context.Features.Set(found);
            return ValueTask.FromResult(found);
        }

        return AwaitAsync(context, slug, pending);
    }

    private static async ValueTask<TenantLookup> AwaitAsync(HttpContext context, string slug, ValueTask<Resolution.TenantConfig> pending)
    {
        TenantLookup lookup;
        try
        {
            lookup = new TenantLookup(slug, await pending.ConfigureAwait(false));
        }
        catch (ConfigResolverException e) when (e.Diagnostics.Any(static d => d.Code == "TEN2005"))
        {
            lookup = new TenantLookup(slug, null);
        }

        context.Features.Set(lookup);
        return lookup;
    }
}
