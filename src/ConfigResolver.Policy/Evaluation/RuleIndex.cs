using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using ConfigResolver.Policy.Compilation;

namespace ConfigResolver.Policy.Evaluation;

/// <summary>
/// Rules of one policy type grouped by the values of the columns an <see cref="IndexPlan"/> names, in one
/// open-addressing table keyed by a hash of those values. A slot holds the hash and the group's rule positions (slots of
/// the <see cref="RuleList"/>); a hit is verified against the first rule of the group (which evaluation reads next anyway),
/// so a lookup touches the table entry, the positions and that rule, and a hash collision never changes an answer.
/// Without equality columns the key is the role column alone. Positions ascend, so evaluation order (and priority) is
/// preserved. The table is a <see cref="ChunkedVector{T}"/>, so an update copies only the chunks it writes. Immutable.
/// </summary>
internal sealed partial class RuleIndex
{
    private readonly ChunkedVector<Slot> _slots;
    private readonly int _mask;
    private readonly int _count;
    private readonly int[] _columns;
    private readonly ChunkedVector<string[]?> _rules;

    private RuleIndex(ChunkedVector<Slot> slots, int count, int[] columns, ChunkedVector<string[]?> rules, bool byRole)
    {
        _slots = slots;
        _mask = slots.Count - 1;
        _count = count;
        _columns = columns;
        _rules = rules;
        ByRole = byRole;
    }

    /// <summary>
    /// The rules the positions of this index point into: the slots of the rule list it indexes, in evaluation order (a
    /// null slot is a hole a removal left, which no group points to).
    /// </summary>
    public ChunkedVector<string[]?> Rules => _rules;

    /// <summary>Whether the key is the role column alone (the plan has no equality term).</summary>
    public bool ByRole { get; }

    // Runs once per load: compile optimized straight away instead of through tiering (no tier-0 loops).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static RuleIndex Build(IndexPlan plan, RuleList list)
    {
        var rules = list.Slots;
        var byRole = plan.Equalities.IsEmpty;
        var columns = byRole ? [plan.Role!.PolicyIndex] : plan.Equalities.Select(static e => e.PolicyIndex).ToArray();
        var groups = new Dictionary<string[], List<int>>(RuleComparer.Instance);
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i] is not { } rule)
            {
                continue;
            }

            var key = new string[columns.Length];
            for (var c = 0; c < columns.Length; c++)
            {
                key[c] = rule[columns[c]];
            }

            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = group = [];
            }

            group.Add(i);
        }

        var capacity = (int)Math.Max(4, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, groups.Count * 2)));
        var slots = ChunkedVector<Slot>.NewBuilder(capacity);
        foreach (var (key, group) in groups)
        {
            var hash = HashOf(key);
            var at = (int)hash & (capacity - 1);
            while (slots[at].Rules is not null)
            {
                at = (at + 1) & (capacity - 1);
            }

            slots[at] = new Slot(hash, [.. group]);
        }

        return new RuleIndex(slots.ToVector(), groups.Count, columns, rules, byRole);
    }

    /// <summary>Rules whose equality columns hold the request's values; null when there are none.</summary>
    public int[]? Find(IndexPlan plan, ReadOnlySpan<object?> request)
    {
        var keys = plan.Equalities;
        var h = RequestHash.Start;
        foreach (var key in keys)
        {
            h = RequestHash.Add(h, KeyValue(key, request));
        }

        for (var at = (int)h & _mask; ; at = (at + 1) & _mask)
        {
            var slot = _slots[at];
            if (slot.Rules is null)
            {
                return null;
            }

            if (slot.Hash == h && Matches(_rules[slot.Rules[0]]!, keys, request))
            {
                return slot.Rules;
            }
        }
    }

    /// <summary>Rules whose role column holds <paramref name="role"/> (role-only plans).</summary>
    public int[]? FindByRole(string role)
    {
        var h = RequestHash.Add(RequestHash.Start, role);
        var column = _columns[0];
        for (var at = (int)h & _mask; ; at = (at + 1) & _mask)
        {
            var slot = _slots[at];
            if (slot.Rules is null)
            {
                return null;
            }

            if (slot.Hash == h && string.Equals(_rules[slot.Rules[0]]![column], role, StringComparison.Ordinal))
            {
                return slot.Rules;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static string KeyValue(EqualityKey key, ReadOnlySpan<object?> request) =>
        key.RequestIndex >= 0 ? (string)request[key.RequestIndex]! : key.Constant!;

    private static bool Matches(string[] rule, ImmutableArray<EqualityKey> keys, ReadOnlySpan<object?> request)
    {
        foreach (var key in keys)
        {
            if (!string.Equals(rule[key.PolicyIndex], KeyValue(key, request), StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameKey(string[] a, string[] b, int[] columns)
    {
        foreach (var c in columns)
        {
            if (!string.Equals(a[c], b[c], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static ulong HashOf(string[] key)
    {
        var h = RequestHash.Start;
        foreach (var value in key)
        {
            h = RequestHash.Add(h, value);
        }

        return h;
    }

    private static ulong HashOf(string[] rule, int[] columns)
    {
        var h = RequestHash.Start;
        foreach (var c in columns)
        {
            h = RequestHash.Add(h, rule[c]);
        }

        return h;
    }

    private readonly record struct Slot(ulong Hash, int[]? Rules);
}
