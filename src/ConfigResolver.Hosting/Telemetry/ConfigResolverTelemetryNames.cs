using ConfigResolver.Authorization;

namespace ConfigResolver.Hosting;

/// <summary>The names under which ConfigResolver publishes metrics and traces, for listeners and exporters.</summary>
public static class ConfigResolverTelemetryNames
{
    /// <summary>The meter name of every ConfigResolver instrument (engine and host): <c>ConfigResolver</c>.</summary>
    public const string Meter = "ConfigResolver";

    /// <summary>The activity source name of ConfigResolver's traces (cache-miss resolve and check, policy reload): <c>ConfigResolver</c>.</summary>
    public const string ActivitySource = AuthorizationActivities.SourceName;
}
