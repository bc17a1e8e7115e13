namespace ConfigResolver.Configuration;

/// <summary>Accumulates a <see cref="LayerValues"/>; the first value added for a pointer wins.</summary>
internal sealed class LayerValuesBuilder
{
    private readonly Dictionary<string, LayerEntry> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _providers = new(StringComparer.Ordinal);
    private readonly List<string> _providerOrder = [];
    private readonly List<string> _extras = [];

    public bool TryAdd(string pointer, ConfigValue value, string source) =>
        _values.TryAdd(pointer, new LayerEntry(value, source));

    /// <summary>Sets a value, replacing an earlier one (used where a later source has priority).</summary>
    public void Set(string pointer, ConfigValue value, string source) =>
        _values[pointer] = new LayerEntry(value, source);

    public bool Contains(string pointer) => _values.ContainsKey(pointer);

    public bool TryGetEntry(string pointer, out LayerEntry entry) => _values.TryGetValue(pointer, out entry);

    public void AddProvider(string provider, string source)
    {
        if (_providers.TryAdd(provider, source))
        {
            _providerOrder.Add(provider);
        }
    }

    /// <summary>Records a pointer of an open section (a feature or metadata key beyond the known ones).</summary>
    public void AddExtra(string pointer) => _extras.Add(pointer);

    public LayerValues Build() =>
        _values.Count == 0 && _providers.Count == 0 ? LayerValues.Empty : new LayerValues(_values, _providers, [.. _providerOrder], [.. _extras]);
}
