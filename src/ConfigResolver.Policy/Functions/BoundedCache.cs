using System.Collections.Concurrent;

namespace ConfigResolver.Policy.Functions;

/// <summary>
/// A thread-safe memo of values built from string keys that never holds more than a fixed number
/// of entries: when full it is emptied and refilled. Go's casbin caches every regex it ever
/// compiled; this keeps the hit rate for the usual small set of policy patterns without letting
/// request-controlled patterns grow memory without limit.
/// </summary>
internal sealed class BoundedCache<TValue>
    where TValue : class
{
    private readonly ConcurrentDictionary<string, TValue> _entries = new(StringComparer.Ordinal);
    private readonly Func<string, TValue> _factory;

    public BoundedCache(int capacity, Func<string, TValue> factory)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _factory = factory;
    }

    public int Capacity { get; }

    public int Count => _entries.Count;

    /// <summary>Returns the cached value or builds it; exceptions from the factory are not cached.</summary>
    public TValue GetOrAdd(string key)
    {
        if (_entries.TryGetValue(key, out var value))
        {
            return value;
        }

        value = _factory(key);
        if (_entries.Count >= Capacity)
        {
            // Clearing everything is crude but O(1) amortised, lock-free for readers, and bounded.
            _entries.Clear();
        }

        return _entries.GetOrAdd(key, value);
    }
}
