using ConfigResolver.Policy.Compilation;

namespace ConfigResolver.Policy.Evaluation;

internal sealed partial class RuleIndex
{
    /// <summary>
    /// The index over <paramref name="after"/>, derived from the index over <paramref name="before"/> when
    /// <paramref name="after"/> was derived from it with known positions (rules removed, replaced in place, appended):
    /// no string is hashed except those of the rules that changed. Removals shift later positions down, so groups holding
    /// a later position get a renumbered copy (integer work over the slot table, no re-hashing); everything else is shared
    /// or copied as it is. Null when positions are unknown (an insertion in the middle) or the table would get too full;
    /// the caller then rebuilds.
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
        if ((index._count + (after.Count - kept) + replaced.Length) * 4 > index._slots.Length * 3)
        {
            return null;
        }

        var (slots, count) = removed.Length == 0 && replaced.Length == 0
            ? ((Slot[])index._slots.Clone(), index._count)
            : Renumber(index._slots, removed, replaced);
        var rules = after.Items;
        foreach (var position in replaced)
        {
            Insert(slots, ref count, index._columns, rules, position - RuleList.CountBelow(removed, position));
        }

        for (var position = kept; position < after.Count; position++)
        {
            Insert(slots, ref count, index._columns, rules, position);
        }

        return new RuleIndex(slots, count, index._columns, rules, index.ByRole);
    }

    /// <summary>
    /// A new slot table with removed and replaced positions dropped (replaced ones come back under their new key) and later
    /// positions shifted down; groups that end up empty disappear, so no tombstones are needed. Groups are placed again by
    /// their stored hash.
    /// </summary>
    private static (Slot[] Slots, int Count) Renumber(Slot[] old, int[] removed, int[] replaced)
    {
        var first = Math.Min(removed.Length > 0 ? removed[0] : int.MaxValue, replaced.Length > 0 ? replaced[0] : int.MaxValue);
        var slots = new Slot[old.Length];
        var mask = slots.Length - 1;
        var count = 0;
        foreach (var slot in old)
        {
            if (slot.Rules is not { } group)
            {
                continue;
            }

            var positions = group;
            if (group[^1] >= first)
            {
                var dropped = 0;
                foreach (var p in group)
                {
                    if (p >= first && (Array.BinarySearch(removed, p) >= 0 || Array.BinarySearch(replaced, p) >= 0))
                    {
                        dropped++;
                    }
                }

                if (dropped == group.Length)
                {
                    continue;
                }

                positions = new int[group.Length - dropped];
                var at = 0;
                foreach (var p in group)
                {
                    if (p < first)
                    {
                        positions[at++] = p;
                    }
                    else if (Array.BinarySearch(removed, p) < 0 && Array.BinarySearch(replaced, p) < 0)
                    {
                        positions[at++] = p - RuleList.CountBelow(removed, p);
                    }
                }
            }

            var to = (int)slot.Hash & mask;
            while (slots[to].Rules is not null)
            {
                to = (to + 1) & mask;
            }

            slots[to] = new Slot(slot.Hash, positions);
            count++;
        }

        return (slots, count);
    }

    /// <summary>Adds one position to its group (in ascending order), creating the group when the key is new.</summary>
    private static void Insert(Slot[] slots, ref int count, int[] columns, System.Collections.Immutable.ImmutableArray<string[]> rules, int position)
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
