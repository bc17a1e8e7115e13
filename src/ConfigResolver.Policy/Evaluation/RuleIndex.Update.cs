using ConfigResolver.Policy.Compilation;

namespace ConfigResolver.Policy.Evaluation;

internal sealed partial class RuleIndex
{
    /// <summary>
    /// The index over <paramref name="after"/>, derived from the index over <paramref name="before"/> when
    /// <paramref name="after"/> was derived from it without renumbering: only the groups of the changed slots change, and
    /// only the table chunks they live in are copied. A removed rule's slot leaves its group, a replaced one moves to the new
    /// rule's group, an appended one joins its group at the end, so evaluation order is kept. Null when the list was
    /// renumbered or the table would get too full, or (never expected) when a changed slot is not where the index says:
    /// the caller then rebuilds (amortized O(1) per change), so an index is never left out of step with its rules.
    /// </summary>
    public static RuleIndex? TryUpdate(RuleIndex index, RuleList before, RuleList after)
    {
        if (!ReferenceEquals(after.Parent, before) || after.Renumbered || !ReferenceEquals(index._rules, before.Slots))
        {
            return null;
        }

        var changed = after.ChangedSlots;
        var appended = after.Slots.Count - before.Slots.Count;
        if ((index._count + changed.Length + appended) * 4 > index._slots.Count * 3)
        {
            return null;
        }

        var slots = index._slots.ToBuilder();
        var count = index._count;
        foreach (var position in changed)
        {
            if (!Drop(slots, ref count, index._columns, before.Slots, position))
            {
                return null;
            }
        }

        var rules = after.Slots;
        foreach (var position in changed)
        {
            if (rules[position] is not null)
            {
                Insert(slots, ref count, index._columns, rules, position);
            }
        }

        for (var position = before.Slots.Count; position < rules.Count; position++)
        {
            if (rules[position] is not null)
            {
                Insert(slots, ref count, index._columns, rules, position);
            }
        }

        return new RuleIndex(slots.ToVector(), count, index._columns, rules, index.ByRole);
    }

    /// <summary>Removes a position from its group (the group goes when it empties); false when the group does not hold it.</summary>
    private static bool Drop(ChunkedVector<Slot>.Builder slots, ref int count, int[] columns, ChunkedVector<string[]?> rules, int position)
    {
        var mask = slots.Count - 1;
        var rule = rules[position]!;
        var hash = HashOf(rule, columns);
        var at = (int)hash & mask;
        for (; ; at = (at + 1) & mask)
        {
            if (slots[at].Rules is not { } probed)
            {
                return false;
            }

            if (slots[at].Hash == hash && SameKey(rules[probed[0]]!, rule, columns))
            {
                break;
            }
        }

        var group = slots[at].Rules!;
        var found = Array.BinarySearch(group, position);
        if (found < 0)
        {
            return false;
        }

        if (group.Length > 1)
        {
            slots[at] = new Slot(hash, [.. group.AsSpan(0, found), .. group.AsSpan(found + 1)]);
            return true;
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
        return true;
    }

    /// <summary>Adds one position to its group (in ascending order), creating the group when the key is new.</summary>
    private static void Insert(ChunkedVector<Slot>.Builder slots, ref int count, int[] columns, ChunkedVector<string[]?> rules, int position)
    {
        var mask = slots.Count - 1;
        var rule = rules[position]!;
        var hash = HashOf(rule, columns);
        var at = (int)hash & mask;
        while (slots[at].Rules is { } existing && !(slots[at].Hash == hash && SameKey(rules[existing[0]]!, rule, columns)))
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
