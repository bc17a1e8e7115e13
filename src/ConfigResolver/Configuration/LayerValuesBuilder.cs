namespace ConfigResolver.Configuration;

/// <summary>Accumulates a <see cref="LayerValues"/>; the first value added for a pointer wins.</summary>
internal sealed class LayerValuesBuilder
{
    private readonly Dictionary<string, LayerEntry> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _providers = new(StringComparer.Ordinal);

    public bool TryAdd(string pointer, ConfigValue value, string source) =>
        _values.TryAdd(pointer, new LayerEntry(value, source));

    /// <summary>Sets a value, replacing an earlier one (used where a later source has priority).</summary>
    public void Set(string pointer, ConfigValue value, string source) =>
        _values[pointer] = new LayerEntry(value, source);

    public bool Contains(string pointer) => _values.ContainsKey(pointer);

    public void AddProvider(string provider, string source) => _providers.TryAdd(provider, source);

    public LayerValues Build() => _values.Count == 0 && _providers.Count == 0 ? LayerValues.Empty : new LayerValues(_values, _providers);
}
