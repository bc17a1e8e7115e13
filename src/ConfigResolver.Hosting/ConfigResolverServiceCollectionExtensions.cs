using ConfigResolver.Hosting;
using ConfigResolver.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers ConfigResolver in a host: <c>services.AddConfigResolver(configuration.GetSection("ConfigResolver")).UseSqlite("t.db")</c>.</summary>
public static class ConfigResolverServiceCollectionExtensions
{
    /// <summary>Health check names, as <c>/healthz</c> reports them.</summary>
    public const string PoliciesCheck = "configresolver_policies";

    /// <summary>The change feed health check's name.</summary>
    public const string ChangeFeedCheck = "configresolver_change_feed";

    /// <summary>The store health check's name.</summary>
    public const string StoreCheck = "configresolver_store";

    /// <summary>
    /// Adds ConfigResolver bound from a configuration section (usually <c>ConfigResolver</c>), validated when the host
    /// starts. Registrations use TryAdd: a service registered before (a decorator, a test double) is kept.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section; error messages name keys under its path.</param>
    /// <returns>The builder, to choose the store and policies in code.</returns>
    public static ConfigResolverBuilder AddConfigResolver(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var path = configuration is IConfigurationSection section ? section.Path : string.Empty;
        services.AddOptions<ConfigResolverOptions>().Bind(configuration);
        return AddCore(services, path);
    }

    /// <summary>Adds ConfigResolver configured in code only.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets options; error messages name keys under <c>ConfigResolver</c>.</param>
    /// <returns>The builder, to choose the store and policies.</returns>
    public static ConfigResolverBuilder AddConfigResolver(this IServiceCollection services, Action<ConfigResolverOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ConfigResolverOptions>().Configure(configure);
        return AddCore(services, "ConfigResolver");
    }

    private static ConfigResolverBuilder AddCore(IServiceCollection services, string path)
    {
        services.AddOptions<ConfigResolverOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConfigResolverOptions>>(new ConfigResolverOptionsValidator(path)));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.TryAddSingleton<ConfigResolverRuntime>();
        services.TryAddSingleton<ConfigResolverTelemetry>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Hosting.IHostedService, ConfigResolverStartup>());
        services.TryAddSingleton<ITenantConfigResolver, RuntimeTenantConfigResolver>();
        services.TryAddSingleton<IAuthorizationChecker, RuntimeAuthorizationChecker>();
        services.TryAddSingleton<UserDirectory>();

        // The narrow store abilities, for consumers that read or subscribe; available once the host has started.
        services.TryAddSingleton<IOrganizationStore>(static sp => sp.GetRequiredService<ConfigResolverRuntime>().Store);
        services.TryAddSingleton<IUserStore>(static sp => sp.GetRequiredService<ConfigResolverRuntime>().Store);
        services.TryAddSingleton<IMembershipStore>(static sp => sp.GetRequiredService<ConfigResolverRuntime>().Store);
        services.TryAddSingleton<ITenantChangeFeed>(static sp => sp.GetRequiredService<ConfigResolverRuntime>().Store);

        if (!services.Any(static d => d.ServiceType == typeof(ConfigResolverHealthMarker)))
        {
            services.AddSingleton<ConfigResolverHealthMarker>();
            services.AddHealthChecks()
                .AddCheck<PoliciesHealthCheck>(PoliciesCheck, tags: ["configresolver"])
                .AddCheck<ChangeFeedHealthCheck>(ChangeFeedCheck, tags: ["configresolver"])
                .AddCheck<StoreHealthCheck>(StoreCheck, tags: ["configresolver"]);
        }

        return new ConfigResolverBuilder(services);
    }
}
