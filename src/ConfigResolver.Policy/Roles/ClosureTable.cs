using System.Runtime.CompilerServices;
using ConfigResolver.Policy.Evaluation;

namespace ConfigResolver.Policy.Roles;

/// <summary>
/// Every (domain, name) with roles and the closure of roles it reaches, in one open-addressing table: a lookup is
/// one probe into a slot array holding the hash, the two keys and the closure, instead of a domain dictionary, a
/// graph, and a name dictionary (three times the dependent memory reads on a cold request). Keys are verified, so a
/// hash collision costs a probe, never a wrong closure. Immutable.
/// </summary>
internal sealed class ClosureTable
{
    private readonly Slot[] _slots;
    private readonly int _mask;

    private ClosureTable(Slot[] slots)
    {
        _slots = slots;
        _mask = slots.Length - 1;
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

        var capacity = (int)Math.Max(4, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, total * 2)));
        var slots = new Slot[capacity];
        foreach (var (domain, graph) in parts)
        {
            foreach (var name in graph.Members)
            {
                var hash = Hash(domain, name);
                var at = (int)hash & (capacity - 1);
                while (slots[at].Closure is not null)
                {
                    at = (at + 1) & (capacity - 1);
                }

                slots[at] = new Slot(hash, domain, name, graph.ClosureOf(name));
            }
        }

        return new ClosureTable(slots);
    }

    /// <summary>The roles <paramref name="name"/> reaches in <paramref name="domain"/> (not itself); empty when none.</summary>
    public string[] ClosureOf(string domain, string name)
    {
        var hash = Hash(domain, name);
        for (var at = (int)hash & _mask; ; at = (at + 1) & _mask)
        {
            ref readonly var slot = ref _slots[at];
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

    private static ulong Hash(string domain, string name) => RequestHash.Add(RequestHash.Add(RequestHash.Start, domain), name);

    private readonly record struct Slot(ulong Hash, string Domain, string Name, string[]? Closure);
}
