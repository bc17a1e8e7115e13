using System.Diagnostics.Metrics;
using System.Text;

namespace ConfigResolver.AspNetCore;

/// <summary>One instrument's values by label set, kept the way Prometheus wants them (sums for counters, last value for gauges).</summary>
internal sealed class InstrumentSeries
{
    private readonly Dictionary<string, double> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _counts = new(StringComparer.Ordinal);
    private readonly Kind _kind;

    public InstrumentSeries(Instrument instrument)
    {
        var type = instrument.GetType().GetGenericTypeDefinition();
        _kind = type == typeof(Counter<>) || type == typeof(UpDownCounter<>) ? Kind.Sum
            : type == typeof(Histogram<>) ? Kind.Histogram
            : Kind.Last;
        var counter = type == typeof(Counter<>) || type == typeof(ObservableCounter<>);
        Name = Sanitize(instrument.Name) + (counter ? "_total" : string.Empty);
        Type = counter ? "counter" : _kind == Kind.Histogram ? "summary" : "gauge";
        Description = instrument.Description ?? instrument.Name;
    }

    private enum Kind
    {
        Sum,
        Last,
        Histogram,
    }

    public string Name { get; }

    public string Type { get; }

    public string Description { get; }

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = Labels(tags);
        lock (_values)
        {
            _values[labels] = _kind == Kind.Last ? value : _values.GetValueOrDefault(labels) + value;
            if (_kind == Kind.Histogram)
            {
                _counts[labels] = _counts.GetValueOrDefault(labels) + 1;
            }
        }
    }

    public List<(string Suffix, string Labels, double Value)> Snapshot()
    {
        lock (_values)
        {
            var result = new List<(string, string, double)>(_values.Count * 2);
            foreach (var (labels, value) in _values)
            {
                result.Add((_kind == Kind.Histogram ? "_sum" : string.Empty, labels, value));
                if (_kind == Kind.Histogram)
                {
                    result.Add(("_count", labels, _counts[labels]));
                }
            }

            return result;
        }
    }

    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.IsEmpty)
        {
            return string.Empty;
        }

        var sorted = tags.ToArray();
        Array.Sort(sorted, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var text = new StringBuilder("{");
        for (var i = 0; i < sorted.Length; i++)
        {
            text.Append(i == 0 ? string.Empty : ",").Append(Sanitize(sorted[i].Key)).Append("=\"")
                .Append(PrometheusExporter.Escape(Convert.ToString(sorted[i].Value, System.Globalization.CultureInfo.InvariantCulture))).Append('"');
        }

        return text.Append('}').ToString();
    }

    private static string Sanitize(string name)
    {
        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(chars[i]) && chars[i] != '_' && chars[i] != ':')
            {
                chars[i] = '_';
            }
        }

        return new string(chars);
    }
}
