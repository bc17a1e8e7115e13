using System.Collections.Immutable;

namespace ConfigResolver.Configuration;

/// <summary>One value a layer contributes, and where it came from (a document pointer or an environment key).</summary>
internal readonly record struct LayerEntry(ConfigValue Value, string Source);

/// <summary>
/// What one layer (an organization's setup, the environment) says, keyed by resolved-view pointer
/// (<c>/providers/openai/base_url</c>). Built once, then only read, so concurrent readers are safe.
/// </summary>
internal sealed class LayerValues
{
    public static readonly LayerValues Empty = new(new Dictionary<string, LayerEntry>(0), new Dictionary<string, string>(0), [], []);

    private readonly Dictionary<string, LayerEntry> _values;
    private readonly Dictionary<string, string> _providers;

    public LayerValues(Dictionary<string, LayerEntry> values, Dictionary<string, string> providers, ImmutableArray<string> providerOrder, ImmutableArray<string> extraPointers)
    {
        _values = values;
        _providers = providers;
        ProviderOrder = providerOrder;
        ExtraPointers = extraPointers;
    }

    /// <summary>Gets the names of the providers this layer mentions.</summary>
    public IReadOnlyCollection<string> ProviderNames => _providers.Keys;

    /// <summary>Gets the providers this layer mentions in the order it first mentions them (a document's order).</summary>
    public ImmutableArray<string> ProviderOrder { get; }

    /// <summary>Gets the pointers of open-section keys beyond the known fields (<c>/features/beta_ui</c>), in document order.</summary>
    public ImmutableArray<string> ExtraPointers { get; }

    /// <summary>Gets every value, for diffs.</summary>
    public IReadOnlyDictionary<string, LayerEntry> Values => _values;

    /// <summary>Gets the providers this layer mentions and where, for diffs.</summary>
    public IReadOnlyDictionary<string, string> Providers => _providers;

    public bool TryGet(string pointer, out LayerEntry entry) => _values.TryGetValue(pointer, out entry);

    /// <summary>Finds where this layer mentions a provider at all (which makes it present, and implicitly enabled).</summary>
    public bool TryGetProvider(string provider, out string source) => _providers.TryGetValue(provider, out source!);

    /// <summary>Lists the resolved pointers whose value differs between two layers, plus <c>/providers/{name}</c> for providers added, removed or moved.</summary>
    public static HashSet<string> Diff(LayerValues before, LayerValues after)
    {
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (pointer, entry) in before._values)
        {
            if (!after._values.TryGetValue(pointer, out var other) || !other.Value.Equals(entry.Value))
            {
                changed.Add(pointer);
            }
        }

        foreach (var pointer in after._values.Keys)
        {
            if (!before._values.ContainsKey(pointer))
            {
                changed.Add(pointer);
            }
        }

        foreach (var name in before._providers.Keys)
        {
            if (!after._providers.ContainsKey(name))
            {
                changed.Add(ConfigKeys.ProviderPointer(name));
            }
        }

        foreach (var name in after._providers.Keys)
        {
            if (!before._providers.ContainsKey(name))
            {
                changed.Add(ConfigKeys.ProviderPointer(name));
            }
        }

        // The order providers are mentioned in decides the completion target's last fallback (the first enabled
        // provider with models), so a reordering changes the providers that moved.
        for (var i = 0; i < after.ProviderOrder.Length; i++)
        {
            if (i >= before.ProviderOrder.Length || before.ProviderOrder[i] != after.ProviderOrder[i])
            {
                changed.Add(ConfigKeys.ProviderPointer(after.ProviderOrder[i]));
            }
        }

        return changed;
    }
}
