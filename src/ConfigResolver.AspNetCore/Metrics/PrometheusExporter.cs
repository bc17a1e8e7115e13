using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace ConfigResolver.AspNetCore;

/// <summary>
/// A small Prometheus text exporter (format 0.0.4) over a <see cref="MeterListener"/>: every instrument of the
/// <c>ConfigResolver</c> meters (engine and host), counters as <c>_total</c>, gauges as last values, histograms as
/// <c>_sum</c>/<c>_count</c>. Observable instruments are read when scraped, so the request path pays nothing. With the
/// host's telemetry known, only that host's instruments are exported: several hosts in one process (tests, a process
/// serving two apps) each create a meter of the same name, and one host's <c>/metrics</c> must not add up the others'.
/// </summary>
internal sealed class PrometheusExporter : IDisposable
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, InstrumentSeries> _series = new();
    private readonly Lock _scrape = new();

    public PrometheusExporter(Hosting.ConfigResolverTelemetry? telemetry = null)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == Hosting.ConfigResolverTelemetryNames.Meter && (telemetry is null || telemetry.Owns(instrument)))
            {
                _series[instrument] = new InstrumentSeries(instrument);
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.MeasurementsCompleted = (instrument, _) => _series.TryRemove(instrument, out InstrumentSeries? _);
        _listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        _listener.SetMeasurementEventCallback<int>((i, v, t, _) => Record(i, v, t));
        _listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        _listener.Start();
    }

    public async Task WriteAsync(HttpContext context)
    {
        var text = Render();
        context.Response.ContentType = ContentType;
        await context.Response.WriteAsync(text, context.RequestAborted).ConfigureAwait(false);
    }

    public string Render()
    {
        lock (_scrape)
        {
            _listener.RecordObservableInstruments();
            var byName = new SortedDictionary<string, (InstrumentSeries First, SortedDictionary<string, double> Values)>(StringComparer.Ordinal);
            foreach (var series in _series.Values)
            {
                foreach (var (suffix, labels, value) in series.Snapshot())
                {
                    var name = series.Name + suffix;
                    if (!byName.TryGetValue(name, out var entry))
                    {
                        byName[name] = entry = (series, new SortedDictionary<string, double>(StringComparer.Ordinal));
                    }

                    entry.Values[labels] = entry.Values.GetValueOrDefault(labels) + value;
                }
            }

            var text = new StringBuilder();
            foreach (var (name, (series, values)) in byName)
            {
                text.Append("# HELP ").Append(name).Append(' ').Append(Escape(series.Description, help: true)).Append('\n');
                text.Append("# TYPE ").Append(name).Append(' ').Append(series.Type).Append('\n');
                foreach (var (labels, value) in values)
                {
                    text.Append(name).Append(labels).Append(' ').Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
                }
            }

            return text.ToString();
        }
    }

    public void Dispose() => _listener.Dispose();

    internal static string Escape(string? text, bool help = false)
    {
        var escaped = (text ?? string.Empty).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        return help ? escaped : escaped.Replace("\"", "\\\"", StringComparison.Ordinal);
    }

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        if (_series.TryGetValue(instrument, out var series))
        {
            series.Record(Convert.ToDouble(value, CultureInfo.InvariantCulture), tags);
        }
    }
}
