namespace ConfigResolver.Policy.Evaluation;

/// <summary>
/// Cached yes/no decisions for keys of one to four strings, meant to be owned by one immutable snapshot:
/// publishing a new snapshot retires its cache with it, so an answer is never stale and there is no global
/// invalidation. Bounded (a fixed number of slots, two per set; a newer entry evicts an older one). A hit reads
/// one immutable entry and allocates nothing; slots are allocated on the first add.
/// </summary>
/// <remarks>Safe for concurrent use without locks: entries are immutable and published with volatile writes.</remarks>
internal sealed class DecisionCache
{
    private readonly int _capacity;
    private Entry?[]? _slots;

    /// <summary>Creates an empty cache.</summary>
    /// <param name="capacity">Number of slots, rounded up to a power of two (at least two).</param>
    public DecisionCache(int capacity)
    {
        // Round up to a power of two with at least two slots per set.
        _capacity = Math.Max(2, (int)Math.Min(1u << 30, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(2, capacity))));
    }

    /// <summary>Number of slots.</summary>
    public int Capacity => _capacity;

    /// <summary>Looks a decision up.</summary>
    /// <param name="a">First key string.</param>
    /// <param name="b">Second key string, or null for a one-string key.</param>
    /// <param name="c">Third key string, or null.</param>
    /// <param name="d">Fourth key string, or null.</param>
    /// <param name="allowed">The cached decision, when found.</param>
    /// <returns>Whether the key was cached.</returns>
    public bool TryGet(string a, string? b, string? c, string? d, out bool allowed)
    {
        var slots = Volatile.Read(ref _slots);
        if (slots is not null)
        {
            var hash = RequestHash.Of(a, b, c, d);
            var set = (int)hash & (slots.Length - 2);
            var e = Volatile.Read(ref slots[set]);
            if (e is not null && e.Matches(hash, a, b, c, d))
            {
                allowed = e.Allowed;
                return true;
            }

            e = Volatile.Read(ref slots[set + 1]);
            if (e is not null && e.Matches(hash, a, b, c, d))
            {
                allowed = e.Allowed;
                return true;
            }
        }

        allowed = false;
        return false;
    }

    /// <summary>Caches a decision (possibly evicting an older one of the same set).</summary>
    /// <param name="a">First key string.</param>
    /// <param name="b">Second key string, or null.</param>
    /// <param name="c">Third key string, or null.</param>
    /// <param name="d">Fourth key string, or null.</param>
    /// <param name="allowed">The decision.</param>
    public void Add(string a, string? b, string? c, string? d, bool allowed)
    {
        var slots = Volatile.Read(ref _slots);
        if (slots is null)
        {
            Interlocked.CompareExchange(ref _slots, new Entry?[_capacity], null);
            slots = _slots!;
        }

        var hash = RequestHash.Of(a, b, c, d);
        var set = (int)hash & (slots.Length - 2);

        // The newest entry goes first; the one it displaces moves to the second way (an approximate LRU per set).
        var previous = Volatile.Read(ref slots[set]);
        Volatile.Write(ref slots[set + 1], previous);
        Volatile.Write(ref slots[set], new Entry(hash, a, b, c, d, allowed));
    }

    private sealed class Entry(ulong hash, string a, string? b, string? c, string? d, bool allowed)
    {
        public bool Allowed { get; } = allowed;

        public bool Matches(ulong h, string a2, string? b2, string? c2, string? d2) =>
            hash == h
            && string.Equals(a, a2, StringComparison.Ordinal)
            && string.Equals(b, b2, StringComparison.Ordinal)
            && string.Equals(c, c2, StringComparison.Ordinal)
            && string.Equals(d, d2, StringComparison.Ordinal);
    }
}
