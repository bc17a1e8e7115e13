using ConfigResolver.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ConfigResolver.Hosting.Tests;

/// <summary>Builds generic hosts the way an application does: configuration section in, AddConfigResolver, builder calls.</summary>
internal static class HostFactory
{
    public static IHost Build(IDictionary<string, string?> settings, Action<ConfigResolverBuilder>? configure = null, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        services?.Invoke(builder.Services);
        var resolver = builder.Services.AddConfigResolver(builder.Configuration.GetSection("ConfigResolver"))
            .UseEnvironmentLayer(new ConfigurationBuilder().Build());
        configure?.Invoke(resolver);
        return builder.Build();
    }

    public static IHost InMemory(Action<ConfigResolverBuilder>? configure = null) =>
        Build(new Dictionary<string, string?> { ["ConfigResolver:Store:Provider"] = "InMemory" }, configure);

    public static string ShippedPolicies => Path.Combine(TestPaths.RepositoryRoot, "policies");
}
