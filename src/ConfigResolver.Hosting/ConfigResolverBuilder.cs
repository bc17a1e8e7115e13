using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ConfigResolver.Hosting;

/// <summary>
/// Returned by <c>services.AddConfigResolver(...)</c>: picks the store and the policy source. Each call overrides
/// what configuration bound for the same setting; options are still validated when the host starts.
/// </summary>
public sealed class ConfigResolverBuilder
{
    internal ConfigResolverBuilder(IServiceCollection services) => Services = services;

    /// <summary>Gets the service collection, for extensions that add more (ASP.NET Core, health checks).</summary>
    public IServiceCollection Services { get; }

    /// <summary>Uses a SQLite file (created and migrated on first open).</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>This builder.</returns>
    public ConfigResolverBuilder UseSqlite(string path) => UseStore(StoreProvider.Sqlite, path);

    /// <summary>Uses PostgreSQL (migrated on first open; a LISTEN connection carries other instances' changes).</summary>
    /// <param name="connectionString">A <c>postgres://</c> URL or an Npgsql keyword string.</param>
    /// <returns>This builder.</returns>
    public ConfigResolverBuilder UsePostgres(string connectionString) => UseStore(StoreProvider.Postgres, connectionString);

    /// <summary>Uses a LiteDB file, opened shared.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>This builder.</returns>
    public ConfigResolverBuilder UseLiteDb(string path) => UseStore(StoreProvider.LiteDb, path);

    /// <summary>Uses an in-memory store: nothing is kept or shared; seed it through <see cref="ConfigResolverRuntime.Administration"/>.</summary>
    /// <returns>This builder.</returns>
    public ConfigResolverBuilder UseInMemory() => UseStore(StoreProvider.InMemory, null);

    /// <summary>Turns authorization on: <see cref="IAuthorizationChecker"/> answers from the chosen policies.</summary>
    /// <param name="policies">Chooses the source, for example <c>p =&gt; p.FromDirectory("policies")</c>.</param>
    /// <returns>This builder.</returns>
    public ConfigResolverBuilder AddAuthorization(Action<PolicySourceBuilder> policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        var source = new PolicySourceBuilder();
        policies(source);
        if (source.Apply is { } apply)
        {
            Services.Configure<ConfigResolverOptions>(o => apply(o.Policies));
        }

        return this;
    }

    /// <summary>Replaces the resolver's environment layer (environment variables by default), for tests and tools.</summary>
    /// <param name="environment">The configuration the environment layer reads.</param>
    /// <returns>This builder.</returns>
    public ConfigResolverBuilder UseEnvironmentLayer(IConfiguration environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        Services.Replace(ServiceDescriptor.Singleton(new EnvironmentLayer(environment)));
        return this;
    }

    private ConfigResolverBuilder UseStore(StoreProvider provider, string? connection)
    {
        if (provider != StoreProvider.InMemory)
        {
            ArgumentException.ThrowIfNullOrEmpty(connection);
        }

        Services.Configure<ConfigResolverOptions>(o =>
        {
            o.Store.Provider = provider;
            o.Store.ConnectionString = connection;
        });
        return this;
    }
}
