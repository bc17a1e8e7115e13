using System.Diagnostics.Metrics;
using ConfigResolver.Authorization;

namespace ConfigResolver.Hosting;

/// <summary>
/// The host's instruments on the <c>ConfigResolver</c> meter: policy reloads by result, and the change feed's revision,
/// lag and state, observed when a listener collects (nothing runs on the request path). The engine's own instruments
/// (decisions, cache hits and misses, resolve misses) live in the engine assemblies under the same meter name.
/// </summary>
internal sealed class ConfigResolverTelemetry : IDisposable
{
    /// <summary>The meter name every ConfigResolver instrument uses.</summary>
    public const string MeterName = ConfigResolverTelemetryNames.Meter;

    private readonly Meter _meter;
    private readonly Counter<long> _reloads;
    private ConfigResolverRuntime? _runtime;

    public ConfigResolverTelemetry(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _reloads = _meter.CreateCounter<long>("configresolver.policy.reloads", "{reload}", "Policy reloads, by result (ok: published; failed: rejected, the previous policy keeps answering).");
        _meter.CreateObservableGauge("configresolver.change_feed.revision", ObserveRevision, "{revision}", "The newest store revision this instance's change feed has published.");
        _meter.CreateObservableGauge("configresolver.change_feed.lag", ObserveLag, "{revision}", "Published store revisions the resolver and the authorization facts have not applied yet.");
        _meter.CreateObservableGauge("configresolver.change_feed.up", ObserveUp, null, "1 while the change feed is connected (or polling successfully), else 0.");
    }

    public void Attach(ConfigResolverRuntime runtime) => _runtime = runtime;

    public void OnPolicyReloaded(object? sender, PolicyReloadedEventArgs e) =>
        _reloads.Add(1, new KeyValuePair<string, object?>("result", e.Result.Succeeded ? "ok" : "failed"));

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<long>> ObserveRevision() =>
        _runtime?.TryState is { } state ? [new Measurement<long>(state.Store.PublishedRevision)] : [];

    private IEnumerable<Measurement<long>> ObserveLag()
    {
        if (_runtime?.TryState is not { } state)
        {
            return [];
        }

        var applied = state.Resolver.AppliedStoreRevision;
        if (state.Authorization is { } authorization)
        {
            applied = Math.Min(applied, authorization.Current.StoreRevision);
        }

        return [new Measurement<long>(Math.Max(0, state.Store.PublishedRevision - applied))];
    }

    private IEnumerable<Measurement<int>> ObserveUp() =>
        _runtime?.TryState is not null ? [new Measurement<int>(_runtime.FeedHealth.IsUp ? 1 : 0)] : [];
}
