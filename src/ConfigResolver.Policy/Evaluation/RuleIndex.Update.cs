using System.Collections.Immutable;
using System.Runtime.InteropServices;
using ConfigResolver.Policy.Compilation;

namespace ConfigResolver.Policy.Evaluation;

internal sealed partial class RuleIndex
{
    /// <summary>
    /// The index over <paramref name="after"/>, derived from the index over <paramref name="before"/> when
    /// <paramref name="after"/> was derived from it with known positions (rules removed, replaced in place, appended).
    /// Only the groups of the changed rules change and no position moves: a removed rule stays in <see cref="Rules"/> as a
    /// hole no group points to, a replaced one is overwritten where it stood, appended ones get the next positions, so
    /// evaluation order is kept. The slot table is copied (one block copy) and, when rules are replaced or appended, the
    /// rule array. Null when positions are unknown (an insertion in the middle), or when holes outnumber the rules or the
    /// table would get too full: the caller then rebuilds, which removes the holes (amortized O(1) per change).
    /// </summary>
    public static RuleIndex? TryUpdate(RuleIndex index, RuleList before, RuleList after)
    {
        if (!ReferenceEquals(after.Parent, before) || !after.PositionsKnown)
        {
            return null;
        }

        var removed = after.RemovedPositions;
        var replaced = after.ReplacedPositions;
        var kept = before.Count - removed.Length;
        var appended = after.Count - kept;
        var holes = index._holes + removed.Length;
        if (holes > after.Count || (index._count + appended + replaced.Length) * 4 > index._slots.Length * 3)
        {
            return null;
        }

        var slots = (Slot[])index._slots.Clone();
        var count = index._count;
        foreach (var position in removed)
        {
            Drop(slots, ref count, index._columns, index._rules, before.Items[position]);
        }

        var at = new int[replaced.Length];
        for (var k = 0; k < replaced.Length; k++)
        {
            at[k] = Drop(slots, ref count, index._columns, index._rules, before.Items[replaced[k]]);
        }

        var rules = index._rules;
        if (appended > 0 || replaced.Length > 0)
        {
            var grown = new string[rules.Length + appended][];
            rules.AsSpan().CopyTo(grown);
            for (var k = 0; k < replaced.Length; k++)
            {
                grown[at[k]] = after.Items[replaced[k] - RuleList.CountBelow(removed, replaced[k])];
            }

            for (var k = 0; k < appended; k++)
            {
                grown[rules.Length + k] = after.Items[kept + k];
            }

            rules = ImmutableCollectionsMarshal.AsImmutableArray(grown);
        }

        foreach (var position in at)
        {
            Insert(slots, ref count, index._columns, rules, position);
        }

        for (var position = index._rules.Length; position < rules.Length; position++)
        {
            Insert(slots, ref count, index._columns, rules, position);
        }

        return new RuleIndex(slots, count, index._columns, rules, index.ByRole, holes);
    }

    /// <summary>Removes a rule's position from its group (the group goes when it empties); returns the position.</summary>
    private static int Drop(Slot[] slots, ref int count, int[] columns, ImmutableArray<string[]> rules, string[] rule)
    {
        var mask = slots.Length - 1;
        var hash = HashOf(rule, columns);
        var at = (int)hash & mask;
        while (!(slots[at].Hash == hash && SameKey(rules[slots[at].Rules![0]], rule, columns)))
        {
            at = (at + 1) & mask;
        }

        var group = slots[at].Rules!;
        var position = Array.FindIndex(group, p => RuleComparer.Instance.Equals(rules[p], rule));
        var found = group[position];
        if (group.Length > 1)
        {
            slots[at] = new Slot(hash, [.. group[..position], .. group[(position + 1)..]]);
            return found;
        }

        // Backward-shift deletion keeps every probe chain intact without tombstones (linear probing).
        var hole = at;
        for (var j = (hole + 1) & mask; slots[j].Rules is not null; j = (j + 1) & mask)
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
        count--;
        return found;
    }

    /// <summary>Adds one position to its group (in ascending order), creating the group when the key is new.</summary>
    private static void Insert(Slot[] slots, ref int count, int[] columns, ImmutableArray<string[]> rules, int position)
    {
        var mask = slots.Length - 1;
        var rule = rules[position];
        var hash = HashOf(rule, columns);
        var at = (int)hash & mask;
        while (slots[at].Rules is { } existing && !(slots[at].Hash == hash && SameKey(rules[existing[0]], rule, columns)))
        {
            at = (at + 1) & mask;
        }

        if (slots[at].Rules is not { } group)
        {
            slots[at] = new Slot(hash, [position]);
            count++;
            return;
        }

        var insertAt = ~Array.BinarySearch(group, position);
        var grown = new int[group.Length + 1];
        Array.Copy(group, grown, insertAt);
        grown[insertAt] = position;
        Array.Copy(group, insertAt, grown, insertAt + 1, group.Length - insertAt);
        slots[at] = new Slot(hash, grown);
    }
}
