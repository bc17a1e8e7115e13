namespace ConfigResolver.Hosting;

/// <summary>
/// The health section (<c>ConfigResolver:Health</c>). Read through <c>IOptionsMonitor</c> on every health check, so a
/// change to the configuration source applies without a restart.
/// </summary>
public sealed class HealthSettings
{
    /// <summary>
    /// Gets or sets how long the change feed may be down before the check reports unhealthy (before that: degraded,
    /// because reads still work and only other instances' writes may be missed). Default 30 seconds.
    /// </summary>
    public TimeSpan FeedDownTolerance { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets how long the store probe may take before the store counts as unreachable. Default 5 seconds.</summary>
    public TimeSpan StoreTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
