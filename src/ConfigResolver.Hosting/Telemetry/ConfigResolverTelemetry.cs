using System.Diagnostics.Metrics;
using ConfigResolver.Authorization;

namespace ConfigResolver.Hosting;

/// <summary>
/// The host's instruments on the <c>ConfigResolver</c> meter: policy reloads by result, and the change feed's revision,
/// lag and state, observed when a listener collects; decisions by result and resolve hits/misses counted on the request
/// path by <see cref="RequestCounters"/> (striped, no allocation) and also observed only when collected.
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
        Counters.Publish(_meter);
    }

    public RequestCounters Counters { get; } = new();

    public void Attach(ConfigResolverRuntime runtime) => _runtime = runtime;

    /// <summary>Whether an instrument is this host's (several hosts in one process each have a meter of the same name).</summary>
    public bool Owns(Instrument instrument) => ReferenceEquals(instrument.Meter, _meter);

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
