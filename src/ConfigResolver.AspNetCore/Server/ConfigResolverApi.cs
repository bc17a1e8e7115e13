using ConfigResolver.AspNetCore;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// The HTTP API of <c>cfgr serve</c>, for services in any language: <c>GET /v1/orgs/{slug}/config</c>,
/// <c>POST /v1/check</c>, <c>POST /v1/enforce</c>, <c>POST /v1/enforce/batch</c>, <c>GET /healthz</c>, <c>GET /metrics</c>.
/// Shapes and status codes: docs/hosting.md.
/// </summary>
public static class ConfigResolverApi
{
    /// <summary>Maps the API. Needs <c>AddConfigResolver(...).AddAspNetCore()</c> (and policies for <c>/v1/check</c>).</summary>
    /// <param name="endpoints">The application's endpoints.</param>
    /// <param name="options">Bearer token, Casbin enforcer and body limit; defaults when null.</param>
    /// <returns>The <c>/v1</c> group, to which more endpoints can be added (they get the same token check).</returns>
    public static RouteGroupBuilder MapConfigResolverApi(this IEndpointRouteBuilder endpoints, ConfigResolverApiOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = new ApiHandlers(options ?? new ConfigResolverApiOptions());
        endpoints.MapGet("/healthz", ApiErrors.Guard(HealthEndpoint.WriteAsync));
        endpoints.MapGet("/metrics", ApiErrors.Guard(context => context.RequestServices.GetRequiredService<PrometheusExporter>().WriteAsync(context)));

        var v1 = endpoints.MapGroup("/v1");
        if (api.Token is { } token)
        {
            v1.AddEndpointFilter(async (context, next) =>
            {
                if (token.Accepts(context.HttpContext.Request))
                {
                    return await next(context).ConfigureAwait(false);
                }

                context.HttpContext.Response.Headers.WWWAuthenticate = "Bearer";
                await Problems.WriteAsync(context.HttpContext, 401, "Unauthorized", "expected 'Authorization: Bearer <token>' with the server's token.", ("reason", "bad_token")).ConfigureAwait(false);
                return Results.Empty;
            });
        }

        v1.MapGet("/orgs/{slug}/config", ApiErrors.Guard(ApiHandlers.ResolveAsync));
        v1.MapPost("/check", ApiErrors.Guard(api.CheckAsync));
        v1.MapPost("/enforce", ApiErrors.Guard(api.EnforceAsync));
        v1.MapPost("/enforce/batch", ApiErrors.Guard(api.EnforceBatchAsync));
        return v1;
    }
}
