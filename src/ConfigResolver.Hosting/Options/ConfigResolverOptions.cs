namespace ConfigResolver.Hosting;

/// <summary>
/// Everything <c>services.AddConfigResolver(configuration.GetSection("ConfigResolver"))</c> binds. Validated when the
/// host starts: a bad setting fails the start and names its configuration key (<c>ConfigResolver:Store:ConnectionString</c>).
/// </summary>
/// <remarks>
/// Store, resolver and policy settings are read once, at start. <see cref="Health"/> is read through
/// <c>IOptionsMonitor</c> and may change while the host runs.
/// </remarks>
public sealed class ConfigResolverOptions
{
    /// <summary>Gets the store settings (<c>Store</c>).</summary>
    public StoreSettings Store { get; init; } = new();

    /// <summary>Gets the policy settings (<c>Policies</c>).</summary>
    public PolicySettings Policies { get; init; } = new();

    /// <summary>Gets the resolver settings (<c>Resolver</c>): system slug, shared operator keys, environment names, poll interval.</summary>
    public ResolverOptions Resolver { get; init; } = new();

    /// <summary>Gets the health check settings (<c>Health</c>), changeable at run time.</summary>
    public HealthSettings Health { get; init; } = new();
}
