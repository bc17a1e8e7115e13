using System.Runtime.CompilerServices;
using ConfigResolver.Policy.Evaluation;

namespace ConfigResolver.Policy.Roles;

/// <summary>
/// Every (domain, name) with roles and the closure of roles it reaches, in one open-addressing table: a lookup is
/// one probe into a slot array holding the hash, the two keys and the closure, instead of a domain dictionary, a
/// graph, and a name dictionary (three times the dependent memory reads on a cold request). Keys are verified, so a
/// hash collision costs a probe, never a wrong closure. Immutable.
/// </summary>
/// <remarks>
/// A role-link change replaces the closures it affects through <see cref="WithClosures"/>: they go into a small overlay
/// table probed first (an empty closure there hides the base entry), the large base is shared, never copied. When the
/// overlay grows past 1/64 of the base (at least 512 entries) it is folded into a new base: the overlay is copied per
/// change, so it is kept small, and a fold costs O(n) once per n/64 changed closures. Without
/// changes there is no overlay and a lookup is exactly one probe, as before.
/// </remarks>
internal sealed class ClosureTable
{
    private const int MinimumOverlay = 512;

    private readonly Slot[] _slots;
    private readonly int _mask;
    private readonly int _count;
    private readonly Slot[]? _overlay;
    private readonly int _overlayCount;

    private ClosureTable(Slot[] slots, int count, Slot[]? overlay = null, int overlayCount = 0)
    {
        _slots = slots;
        _mask = slots.Length - 1;
        _count = count;
        _overlay = overlay;
        _overlayCount = overlayCount;
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

        var slots = new Slot[CapacityFor(total)];
        foreach (var (domain, graph) in parts)
        {
            foreach (var name in graph.Members)
            {
                Put(slots, new Slot(Hash(domain, name), domain, name, graph.ClosureOf(name)));
            }
        }

        return new ClosureTable(slots, total);
    }

    /// <summary>The roles <paramref name="name"/> reaches in <paramref name="domain"/> (not itself); empty when none.</summary>
    public string[] ClosureOf(string domain, string name)
    {
        var hash = Hash(domain, name);
        if (_overlay is { } overlay && Probe(overlay, overlay.Length - 1, hash, domain, name) is { } changed)
        {
            return changed;
        }

        return Probe(_slots, _mask, hash, domain, name) ?? [];
    }

    /// <summary>The table with the given closures replaced (an empty closure: the name has no roles any more).</summary>
    public ClosureTable WithClosures(IReadOnlyCollection<(string Domain, string Name, string[] Closure)> changes)
    {
        if (changes.Count == 0)
        {
            return this;
        }

        var needed = _overlayCount + changes.Count;
        if (needed > Math.Max(MinimumOverlay, _count / 64))
        {
            return Fold(changes);
        }

        var capacity = CapacityFor(needed);
        var overlay = new Slot[capacity];
        var count = 0;
        if (_overlay is not null && _overlay.Length == capacity)
        {
            Array.Copy(_overlay, overlay, capacity);
            count = _overlayCount;
        }
        else if (_overlay is not null)
        {
            foreach (var slot in _overlay)
            {
                count += slot.Closure is null ? 0 : Put(overlay, slot);
            }
        }

        foreach (var (domain, name, closure) in changes)
        {
            count += Put(overlay, new Slot(Hash(domain, name), domain, name, closure));
        }

        return new ClosureTable(_slots, _count, overlay, count);
    }

    /// <summary>Base and overlay merged into one new base (names left without roles dropped), plus <paramref name="changes"/>.</summary>
    private ClosureTable Fold(IReadOnlyCollection<(string Domain, string Name, string[] Closure)> changes)
    {
        var entries = new Dictionary<(string, string), Slot>();
        foreach (var slot in _slots)
        {
            if (slot.Closure is not null)
            {
                entries[(slot.Domain, slot.Name)] = slot;
            }
        }

        foreach (var slot in _overlay ?? [])
        {
            if (slot.Closure is not null)
            {
                entries[(slot.Domain, slot.Name)] = slot;
            }
        }

        foreach (var (domain, name, closure) in changes)
        {
            entries[(domain, name)] = new Slot(Hash(domain, name), domain, name, closure);
        }

        var kept = entries.Values.Where(static s => s.Closure!.Length > 0).ToList();
        var slots = new Slot[CapacityFor(kept.Count)];
        foreach (var slot in kept)
        {
            Put(slots, slot);
        }

        return new ClosureTable(slots, kept.Count);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static string[]? Probe(Slot[] slots, int mask, ulong hash, string domain, string name)
    {
        for (var at = (int)hash & mask; ; at = (at + 1) & mask)
        {
            ref readonly var slot = ref slots[at];
            if (slot.Closure is null)
            {
                return null;
            }

            if (slot.Hash == hash && string.Equals(slot.Name, name, StringComparison.Ordinal) && string.Equals(slot.Domain, domain, StringComparison.Ordinal))
            {
                return slot.Closure;
            }
        }
    }

    /// <summary>Inserts or replaces an entry; returns 1 when the key is new.</summary>
    private static int Put(Slot[] slots, Slot entry)
    {
        var mask = slots.Length - 1;
        for (var at = (int)entry.Hash & mask; ; at = (at + 1) & mask)
        {
            ref var slot = ref slots[at];
            if (slot.Closure is null)
            {
                slot = entry;
                return 1;
            }

            if (slot.Hash == entry.Hash && string.Equals(slot.Name, entry.Name, StringComparison.Ordinal) && string.Equals(slot.Domain, entry.Domain, StringComparison.Ordinal))
            {
                slot = entry;
                return 0;
            }
        }
    }

    private static int CapacityFor(int count) => (int)Math.Max(4, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, count * 2)));

    private static ulong Hash(string domain, string name) => RequestHash.Add(RequestHash.Add(RequestHash.Start, domain), name);

    private readonly record struct Slot(ulong Hash, string Domain, string Name, string[]? Closure);
}
