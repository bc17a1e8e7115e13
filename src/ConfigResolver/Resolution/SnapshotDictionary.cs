using System.Collections;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace ConfigResolver.Resolution;

/// <summary>
/// A read-only dictionary of a snapshot's entries (values by pointer, providers by name), ordered by key.
/// Lookups go through a frozen index shared by every snapshot with the same keys, so they allocate nothing
/// and building a snapshot does not rebuild the index.
/// </summary>
/// <typeparam name="TValue">The entry type.</typeparam>
/// <remarks>Immutable and safe to share between threads. Enumeration is in ordinal key order.</remarks>
public sealed class SnapshotDictionary<TValue> : IReadOnlyDictionary<string, TValue>
    where TValue : class
{
    private readonly SnapshotShape _shape;
    private readonly TValue[] _values;

    internal SnapshotDictionary(SnapshotShape shape, TValue[] values)
    {
        _shape = shape;
        _values = values;
    }

    /// <summary>Gets the number of entries.</summary>
    public int Count => _values.Length;

    /// <summary>Gets the keys in ordinal order.</summary>
    public IEnumerable<string> Keys => _shape.Keys;

    /// <summary>Gets the entries in key order.</summary>
    public IEnumerable<TValue> Values => _values;

    /// <summary>Gets the entry for a key.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The entry.</returns>
    /// <exception cref="KeyNotFoundException">The key is not part of the snapshot.</exception>
    public TValue this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"'{key}' is not part of the resolved view.");

    /// <summary>Returns whether the key is part of the snapshot.</summary>
    /// <param name="key">The key.</param>
    /// <returns>True when present.</returns>
    public bool ContainsKey(string key) => _shape.Index.ContainsKey(key);

    /// <summary>Finds an entry without allocating.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The entry.</param>
    /// <returns>True when present.</returns>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value)
    {
        if (_shape.Index.TryGetValue(key, out var index))
        {
            value = _values[index];
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>Finds an entry by a key given as characters, without allocating a string.</summary>
    internal bool TryGetValue(ReadOnlySpan<char> key, [MaybeNullWhen(false)] out TValue value)
    {
        if (_shape.SpanIndex.TryGetValue(key, out var index))
        {
            value = _values[index];
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>Enumerates the entries in key order.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator()
    {
        for (var i = 0; i < _values.Length; i++)
        {
            yield return new KeyValuePair<string, TValue>(_shape.Keys[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>The sorted keys of a snapshot dictionary and their frozen index; shared between snapshots.</summary>
internal sealed class SnapshotShape
{
    public SnapshotShape(string[] sortedKeys)
    {
        Keys = sortedKeys;
        var index = new Dictionary<string, int>(sortedKeys.Length, StringComparer.Ordinal);
        for (var i = 0; i < sortedKeys.Length; i++)
        {
            index[sortedKeys[i]] = i;
        }

        Index = index.ToFrozenDictionary(StringComparer.Ordinal);
        SpanIndex = Index.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string[] Keys { get; }

    public FrozenDictionary<string, int> Index { get; }

    /// <summary>The same index, looked up by characters (a pointer assembled on the stack).</summary>
    public FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> SpanIndex { get; }
}
