using System.Collections;
using System.Numerics;
using ConfigResolver.Policy.Compilation;

namespace ConfigResolver.Authorization.Facts;

/// <summary>
/// An immutable hash table: one contiguous slot array with linear probing, at most half full. A lookup hashes the key
/// once and reads one or two adjacent slots, where a tree-shaped immutable dictionary follows a pointer per level; on
/// the check path, with the working set of a busy service, each of those pointers is a cache miss. The slots are a
/// <see cref="ChunkedVector{T}"/>: a change copies the one chunk it writes (and the short chunk array), so changing one
/// organization of thousands does not copy the others.
/// </summary>
/// <typeparam name="TKey">The key (an organization slug, a user id).</typeparam>
/// <typeparam name="TValue">The value.</typeparam>
/// <remarks>Immutable; safe for concurrent use.</remarks>
internal sealed class LookupTable<TKey, TValue> : IReadOnlyCollection<KeyValuePair<TKey, TValue>>
    where TKey : notnull
{
    private readonly ChunkedVector<Slot> _slots;
    private readonly int _mask;

    private LookupTable(ChunkedVector<Slot> slots, int count)
    {
        _slots = slots;
        _mask = slots.Count - 1;
        Count = count;
    }

    public static LookupTable<TKey, TValue> Empty { get; } = new(ChunkedVector<Slot>.NewBuilder(2).ToVector(), 0);

    public int Count { get; }

    public IEnumerable<TValue> Values => this.Select(static e => e.Value);

    public static LookupTable<TKey, TValue> From(IEnumerable<KeyValuePair<TKey, TValue>> entries)
    {
        var list = entries as IReadOnlyCollection<KeyValuePair<TKey, TValue>> ?? [.. entries];
        var slots = ChunkedVector<Slot>.NewBuilder(Capacity(list.Count));
        var count = 0;
        foreach (var (key, value) in list)
        {
            count += Put(slots, key, value) ? 1 : 0;
        }

        return new LookupTable<TKey, TValue>(slots.ToVector(), count);
    }

    public bool TryGetValue(TKey key, out TValue value)
    {
        var slots = _slots;
        for (var at = Home(key, _mask); ; at = (at + 1) & _mask)
        {
            ref readonly var slot = ref slots.ItemRef(at);
            if (!slot.Used)
            {
                value = default!;
                return false;
            }

            if (EqualityComparer<TKey>.Default.Equals(slot.Key, key))
            {
                value = slot.Value;
                return true;
            }
        }
    }

    public bool ContainsKey(TKey key) => TryGetValue(key, out _);

    /// <summary>The table with <paramref name="key"/> set to <paramref name="value"/>.</summary>
    public LookupTable<TKey, TValue> SetItem(TKey key, TValue value)
    {
        var grows = !ContainsKey(key);
        if (grows && (Count + 1) * 2 > _slots.Count)
        {
            return From(this.Append(new KeyValuePair<TKey, TValue>(key, value)));
        }

        var slots = _slots.ToBuilder();
        Put(slots, key, value);
        return new LookupTable<TKey, TValue>(slots.ToVector(), grows ? Count + 1 : Count);
    }

    /// <summary>The table without <paramref name="key"/> (this table when it has none). Rebuilt, as linear probing needs.</summary>
    public LookupTable<TKey, TValue> Remove(TKey key) =>
        ContainsKey(key) ? From(this.Where(e => !EqualityComparer<TKey>.Default.Equals(e.Key, key))) : this;

    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator()
    {
        for (var i = 0; i < _slots.Count; i++)
        {
            var slot = _slots[i];
            if (slot.Used)
            {
                yield return new KeyValuePair<TKey, TValue>(slot.Key, slot.Value);
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static int Capacity(int count) => (int)Math.Max(2, BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, count * 2)));

    // The hash code is mixed so that the low bits the mask keeps depend on all of its bits.
    private static int Home(TKey key, int mask)
    {
        var h = (uint)EqualityComparer<TKey>.Default.GetHashCode(key);
        h = (h ^ (h >> 16)) * 0x45d9f3b;
        return (int)(h ^ (h >> 16)) & mask;
    }

    /// <summary>Sets the key's slot; returns whether the key was new.</summary>
    private static bool Put(ChunkedVector<Slot>.Builder slots, TKey key, TValue value)
    {
        var mask = slots.Count - 1;
        for (var at = Home(key, mask); ; at = (at + 1) & mask)
        {
            var used = slots[at].Used;
            if (!used || EqualityComparer<TKey>.Default.Equals(slots[at].Key, key))
            {
                slots[at] = new Slot(key, value, Used: true);
                return !used;
            }
        }
    }

    private readonly record struct Slot(TKey Key, TValue Value, bool Used);
}
