using System.Runtime.CompilerServices;
using ConfigResolver.Policy.Compilation;
using ConfigResolver.Policy.Evaluation;

namespace ConfigResolver.Policy.Roles;

/// <summary>
/// Every (domain, name) with roles and the closure of roles it reaches, in one open-addressing table: a lookup is
/// one probe into a slot array holding the hash, the two keys and the closure, instead of a domain dictionary, a
/// graph, and a name dictionary (three times the dependent memory reads on a cold request). Keys are verified, so a
/// hash collision costs a probe, never a wrong closure. Immutable.
/// </summary>
/// <remarks>
/// The slots are a <see cref="ChunkedVector{T}"/>: a role-link change writes the closures it affects in place in a copy of
/// the chunks they live in (removing an entry by backward shift, so probe chains stay intact without tombstones) and
/// shares every other chunk. When the table would get more than three quarters full it is rebuilt at twice the size
/// (amortized O(1) per change). A lookup is one probe into one chunk.
/// </remarks>
internal sealed class ClosureTable
{
    private readonly ChunkedVector<Slot> _slots;
    private readonly int _mask;
    private readonly int _count;

    private ClosureTable(ChunkedVector<Slot> slots, int count)
    {
        _slots = slots;
        _mask = slots.Count - 1;
        _count = count;
    }

    /// <summary>Builds the table from per-domain graphs (the key "" stands for a definition without domains).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ClosureTable Build(IEnumerable<(string Domain, RoleGraph Graph)> graphs)
    {
        var parts = graphs as IReadOnlyCollection<(string Domain, RoleGraph Graph)> ?? [.. graphs];
        var total = 0;
        foreach (var (_, graph) in parts)
        {
            total += graph.MemberCount;
        }

        var slots = ChunkedVector<Slot>.NewBuilder(CapacityFor(total));
        foreach (var (domain, graph) in parts)
        {
            foreach (var name in graph.Members)
            {
                Put(slots, new Slot(Hash(domain, name), domain, name, graph.ClosureOf(name)));
            }
        }

        return new ClosureTable(slots.ToVector(), total);
    }

    /// <summary>The roles <paramref name="name"/> reaches in <paramref name="domain"/> (not itself); empty when none.</summary>
    public string[] ClosureOf(string domain, string name)
    {
        var hash = Hash(domain, name);
        for (var at = (int)hash & _mask; ; at = (at + 1) & _mask)
        {
            ref readonly var slot = ref _slots.ItemRef(at);
            if (slot.Closure is null)
            {
                return [];
            }

            if (slot.Hash == hash && string.Equals(slot.Name, name, StringComparison.Ordinal) && string.Equals(slot.Domain, domain, StringComparison.Ordinal))
            {
                return slot.Closure;
            }
        }
    }

    /// <summary>The table with the given closures replaced (an empty closure: the name has no roles any more).</summary>
    public ClosureTable WithClosures(IReadOnlyCollection<(string Domain, string Name, string[] Closure)> changes)
    {
        if (changes.Count == 0)
        {
            return this;
        }

        if ((_count + changes.Count) * 4 > _slots.Count * 3)
        {
            return Rebuilt(changes);
        }

        var slots = _slots.ToBuilder();
        var count = _count;
        foreach (var (domain, name, closure) in changes)
        {
            count += closure.Length > 0 ? Put(slots, new Slot(Hash(domain, name), domain, name, closure)) : -Delete(slots, Hash(domain, name), domain, name);
        }

        return new ClosureTable(slots.ToVector(), count);
    }

    /// <summary>Every entry plus <paramref name="changes"/> in a new table sized for them (names left without roles dropped).</summary>
    private ClosureTable Rebuilt(IReadOnlyCollection<(string Domain, string Name, string[] Closure)> changes)
    {
        var entries = new Dictionary<(string, string), Slot>();
        for (var i = 0; i < _slots.Count; i++)
        {
            if (_slots[i] is { Closure: not null } slot)
            {
                entries[(slot.Domain, slot.Name)] = slot;
            }
        }

        foreach (var (domain, name, closure) in changes)
        {
            entries[(domain, name)] = new Slot(Hash(domain, name), domain, name, closure);
        }

        var kept = entries.Values.Where(static s => s.Closure!.Length > 0).ToList();
        var slots = ChunkedVector<Slot>.NewBuilder(CapacityFor(kept.Count));
        foreach (var slot in kept)
        {
            Put(slots, slot);
        }

        return new ClosureTable(slots.ToVector(), kept.Count);
    }

    /// <summary>Inserts or replaces an entry in a table being edited; returns 1 when the key is new.</summary>
    private static int Put(ChunkedVector<Slot>.Builder slots, Slot entry)
    {
        var mask = slots.Count - 1;
        for (var at = (int)entry.Hash & mask; ; at = (at + 1) & mask)
        {
            var slot = slots[at];
            if (slot.Closure is null || slot.Hash == entry.Hash && SameKey(slot, entry.Domain, entry.Name))
            {
                slots[at] = entry;
                return slot.Closure is null ? 1 : 0;
            }
        }
    }

    /// <summary>Removes an entry by backward shift (linear probing stays intact without tombstones); returns 1 when it was there.</summary>
    private static int Delete(ChunkedVector<Slot>.Builder slots, ulong hash, string domain, string name)
    {
        var mask = slots.Count - 1;
        var at = (int)hash & mask;
        while (!(slots[at].Hash == hash && SameKey(slots[at], domain, name)))
        {
            if (slots[at].Closure is null)
            {
                return 0;
            }

            at = (at + 1) & mask;
        }

        var hole = at;
        for (var j = (hole + 1) & mask; slots[j].Closure is not null; j = (j + 1) & mask)
        {
            var home = (int)slots[j].Hash & mask;
            var reachable = hole <= j ? home > hole && home <= j : home > hole || home <= j;
            if (!reachable)
            {
                slots[hole] = slots[j];
                hole = j;
            }
        }

        slots[hole] = default;
        return 1;
    }

    private static bool SameKey(in Slot slot, string domain, string name) =>
        string.Equals(slot.Name, name, StringComparison.Ordinal) && string.Equals(slot.Domain, domain, StringComparison.Ordinal);

    private static int CapacityFor(int count) => (int)Math.Max(4, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, count * 2)));

    private static ulong Hash(string domain, string name) => RequestHash.Add(RequestHash.Add(RequestHash.Start, domain), name);

    private readonly record struct Slot(ulong Hash, string Domain, string Name, string[]? Closure);
}
