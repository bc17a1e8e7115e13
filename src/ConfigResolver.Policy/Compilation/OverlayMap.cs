using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace ConfigResolver.Policy.Compilation;

/// <summary>
/// An immutable map made of a large base dictionary, built once and never written again, and a small persistent
/// overlay of the changes made since (a null overlay value means "removed"). A change copies only the overlay's path
/// (O(log k)), never the base, so one change to a map of 100,000 entries costs microseconds; when the overlay grows past
/// an eighth of the base, the next change folds it into a new base (amortized O(1) per change). Values may be references
/// or structs; removals are recorded as such, not as a null value.
/// </summary>
/// <remarks>Immutable; safe for concurrent readers. The base dictionary is shared by every later map: nobody writes it.</remarks>
internal sealed class OverlayMap<TKey, TValue>
    where TKey : notnull
{
    private const int MinimumOverlay = 256;

    private readonly Dictionary<TKey, TValue> _base;
    private readonly ImmutableDictionary<TKey, Change> _overlay;

    private OverlayMap(Dictionary<TKey, TValue> @base, ImmutableDictionary<TKey, Change> overlay, int count)
    {
        _base = @base;
        _overlay = overlay;
        Count = count;
    }

    /// <summary>Number of keys present.</summary>
    public int Count { get; }

    /// <summary>Number of changes held in the overlay (0 right after a build or a fold).</summary>
    public int OverlayCount => _overlay.Count;

    public IEqualityComparer<TKey> Comparer => _base.Comparer;

    /// <summary>Wraps a dictionary the caller will never write again.</summary>
    public static OverlayMap<TKey, TValue> Wrap(Dictionary<TKey, TValue> @base) =>
        new(@base, ImmutableDictionary.Create<TKey, Change>(@base.Comparer), @base.Count);

    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        if (_overlay.Count > 0 && _overlay.TryGetValue(key, out var changed))
        {
            value = changed.Value!;
            return changed.Present;
        }

        return _base.TryGetValue(key, out value);
    }

    public bool ContainsKey(TKey key) => TryGetValue(key, out _);

    public TValue? GetValueOrDefault(TKey key) => TryGetValue(key, out var value) ? value : default;

    /// <summary>Every key and value present (base entries not overridden, then the overlay's).</summary>
    public IEnumerable<KeyValuePair<TKey, TValue>> Pairs
    {
        get
        {
            if (_overlay.Count == 0)
            {
                return _base;
            }

            return _base.Where(kv => !_overlay.ContainsKey(kv.Key))
                .Concat(_overlay.Where(static kv => kv.Value.Present).Select(static kv => KeyValuePair.Create(kv.Key, kv.Value.Value!)));
        }
    }

    public IEnumerable<TKey> Keys => Pairs.Select(static kv => kv.Key);

    /// <summary>The map with each key set to its value (a null reference removes it), applied in order.</summary>
    public OverlayMap<TKey, TValue> SetItems(IEnumerable<KeyValuePair<TKey, TValue?>> changes) =>
        Edit(changes.Select(static kv => (kv.Key, kv.Value is null ? new Change(false, default) : new Change(true, kv.Value))));

    /// <summary>The map with each key set to its value when <c>Present</c>, removed otherwise, applied in order.</summary>
    public OverlayMap<TKey, TValue> Apply(IEnumerable<(TKey Key, bool Present, TValue? Value)> changes) =>
        Edit(changes.Select(static c => (c.Key, new Change(c.Present, c.Present ? c.Value : default))));

    private OverlayMap<TKey, TValue> Edit(IEnumerable<(TKey Key, Change Change)> changes)
    {
        var overlay = _overlay.ToBuilder();
        var count = Count;
        foreach (var (key, change) in changes)
        {
            var present = overlay.TryGetValue(key, out var changed) ? changed.Present : _base.ContainsKey(key);
            count += (change.Present ? 1 : 0) - (present ? 1 : 0);
            overlay[key] = change;
        }

        var next = new OverlayMap<TKey, TValue>(_base, overlay.ToImmutable(), count);
        return next._overlay.Count > Math.Max(MinimumOverlay, _base.Count / 8) ? next.Fold() : next;
    }

    /// <summary>The same content with the overlay folded into a new base (O(n), once per many changes).</summary>
    public OverlayMap<TKey, TValue> Fold()
    {
        var folded = new Dictionary<TKey, TValue>(Count, _base.Comparer);
        foreach (var (key, value) in Pairs)
        {
            folded[key] = value;
        }

        return Wrap(folded);
    }

    /// <summary>One overlay entry: the key's value, or its removal.</summary>
    private readonly record struct Change(bool Present, TValue? Value);
}
