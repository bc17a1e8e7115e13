using ConfigResolver.AspNetCore;
using ConfigResolver.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// ASP.NET Core for ConfigResolver, two lines in Program.cs:
/// <c>builder.Services.AddConfigResolver(builder.Configuration.GetSection("ConfigResolver")).AddAspNetCore();</c> and
/// <c>app.UseConfigResolver();</c>.
/// </summary>
public static class ConfigResolverAspNetCoreExtensions
{
    /// <summary>
    /// Adds tenant resolution, principal mapping, <c>RequirePermission</c> (policy provider, handler, problem-details
    /// denials) and ASP.NET Core authorization.
    /// </summary>
    /// <param name="builder">The ConfigResolver builder.</param>
    /// <param name="configure">Tenant strategies (in order) and the user-id claim; defaults when null.</param>
    /// <returns>The builder.</returns>
    public static ConfigResolverBuilder AddAspNetCore(this ConfigResolverBuilder builder, Action<ConfigResolverAspNetCoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<ConfigResolverAspNetCoreOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddAuthorization();
        services.TryAddSingleton<TenantAccessor>();
        services.TryAddSingleton<PrincipalMapper>();
        services.TryAddSingleton<PrometheusExporter>();
        services.AddHealthChecks();
        services.Replace(ServiceDescriptor.Singleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, PermissionHandler>());
        services.Replace(ServiceDescriptor.Singleton<IAuthorizationMiddlewareResultHandler, PermissionResultHandler>());
        return builder;
    }

    /// <summary>Resolves each request's organization (404 problem details for an unknown one), for <c>HttpContext.GetTenantConfig()</c>.</summary>
    /// <param name="app">The application.</param>
    /// <returns>The application.</returns>
    public static IApplicationBuilder UseConfigResolver(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseMiddleware<TenantMiddleware>();
    }
}
