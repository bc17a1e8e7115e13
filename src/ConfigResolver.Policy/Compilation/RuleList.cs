using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace ConfigResolver.Policy.Compilation;

/// <summary>
/// The rules of one policy or role type in evaluation order, without duplicates. Immutable: every change returns a new
/// list and leaves this one untouched, so a snapshot never changes under a reader. A derived list remembers its
/// <see cref="Parent"/> and what changed relative to it, by rule and (when <see cref="PositionsKnown"/>) by position, so
/// the rule index and the role managers update only what a change touched instead of rebuilding.
/// </summary>
/// <remarks>
/// Membership is an <see cref="OverlayMap{TKey, TValue}"/>: a change never copies or re-hashes the rules it leaves
/// alone. The item array is copied once per change (one block copy of references, no hashing).
/// </remarks>
internal sealed partial class RuleList
{
    public static readonly RuleList Empty = new([], OverlayMap<string[], string[]>.Wrap(new Dictionary<string[], string[]>(RuleComparer.Instance)));

    private readonly OverlayMap<string[], string[]> _set;

    private RuleList(ImmutableArray<string[]> items, OverlayMap<string[], string[]> set, RuleList? parent = null, string[][]? added = null,
        string[][]? removed = null, int[]? removedPositions = null, int[]? replacedPositions = null, bool positionsKnown = true)
    {
        Items = items;
        _set = set;
        Parent = parent;
        Added = added ?? [];
        Removed = removed ?? [];
        RemovedPositions = removedPositions ?? [];
        ReplacedPositions = replacedPositions ?? [];
        PositionsKnown = positionsKnown;
    }

    /// <summary>The list this one was derived from by one change (or one batch), so consumers can update incrementally.</summary>
    public RuleList? Parent { get; }

    /// <summary>Rules added relative to <see cref="Parent"/> (a rule removed and added again is in both lists).</summary>
    public string[][] Added { get; }

    /// <summary>Rules removed relative to <see cref="Parent"/>.</summary>
    public string[][] Removed { get; }

    /// <summary>
    /// Whether <see cref="Items"/> is the parent's items without <see cref="RemovedPositions"/>, with the rules at
    /// <see cref="ReplacedPositions"/> replaced in place, followed by the appended rules; false after an insertion in the
    /// middle (a priority), which makes position-based consumers rebuild.
    /// </summary>
    public bool PositionsKnown { get; }

    /// <summary>Positions in <see cref="Parent"/> whose rules are gone, ascending.</summary>
    public int[] RemovedPositions { get; }

    /// <summary>Positions in <see cref="Parent"/> whose rules were replaced in place, ascending.</summary>
    public int[] ReplacedPositions { get; }

    public ImmutableArray<string[]> Items { get; }

    public int Count => Items.Length;

    // Runs once per load: compile optimized straight away instead of through tiering (no tier-0 loops).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static RuleList From(IEnumerable<string[]> rules)
    {
        var set = new Dictionary<string[], string[]>(RuleComparer.Instance);
        var items = ImmutableArray.CreateBuilder<string[]>();
        foreach (var rule in rules)
        {
            if (set.TryAdd(rule, rule))
            {
                items.Add(rule);
            }
        }

        return new RuleList(items.ToImmutable(), OverlayMap<string[], string[]>.Wrap(set));
    }

    public bool Contains(string[] rule) => _set.ContainsKey(rule);

    /// <summary>Adds rules not yet present, each at the position <paramref name="insertAt"/> chooses (end by default).</summary>
    public RuleList AddRange(IEnumerable<string[]> rules, Func<IReadOnlyList<string[]>, string[], int>? insertAt = null)
    {
        var edit = new Edit(this, insertAt);
        foreach (var rule in rules)
        {
            edit.Add(rule);
        }

        return edit.Finish();
    }

    /// <summary>Casbin's AddPolicies: the rules added (each where <paramref name="insertAt"/> says), or none at all when any already exists.</summary>
    public RuleList AddAllOrNone(IReadOnlyCollection<string[]> rules, Func<IReadOnlyList<string[]>, string[], int>? insertAt = null) =>
        rules.Any(Contains) ? this : AddRange(rules, insertAt);

    /// <summary>Casbin's RemovePolicies: every listed rule that exists is removed.</summary>
    public RuleList RemoveAll(IEnumerable<string[]> rules)
    {
        var edit = new Edit(this, null);
        foreach (var rule in rules)
        {
            edit.Remove(rule);
        }

        return edit.Finish();
    }

    /// <summary>Casbin's UpdatePolicy: the old rule replaced in place, only when it exists and the new one does not.</summary>
    public RuleList Update(string[] oldRule, string[] newRule) =>
        Contains(oldRule) && !Contains(newRule) ? Replace(oldRule, newRule) : this;

    /// <summary>Applies a sequence of changes as one derived list (one snapshot for a whole batch).</summary>
    public RuleList Apply(IEnumerable<PolicyChange> changes, Func<IReadOnlyList<string[]>, string[], int>? insertAt)
    {
        var edit = new Edit(this, insertAt);
        foreach (var change in changes)
        {
            switch (change.Kind)
            {
                case PolicyChangeKind.Add:
                    edit.Add(change.Rule);
                    break;
                case PolicyChangeKind.Remove:
                    edit.Remove(change.Rule);
                    break;
                default:
                    if (edit.IsPresent(change.Rule) && !edit.IsPresent(change.NewRule!))
                    {
                        edit.Replace(change.Rule, change.NewRule!);
                    }

                    break;
            }
        }

        return edit.Finish();
    }

    public RuleList RemoveWhere(Func<string[], bool> predicate)
    {
        var positions = new List<int>();
        for (var i = 0; i < Items.Length; i++)
        {
            if (predicate(Items[i]))
            {
                positions.Add(i);
            }
        }

        if (positions.Count == 0)
        {
            return this;
        }

        var removed = positions.Select(p => Items[p]).ToArray();
        var set = _set.SetItems(removed.Select(static r => KeyValuePair.Create(r, (string[]?)null)));
        return new RuleList(Without(Items, positions, [], new Dictionary<int, string[]>()), set, this, [], removed, [.. positions]);
    }

    public RuleList Replace(string[] oldRule, string[] newRule)
    {
        if (!Contains(oldRule))
        {
            return this;
        }

        var edit = new Edit(this, null);
        edit.Replace(oldRule, newRule);
        return edit.Finish();
    }

    /// <summary>The items without the given positions (ascending), then <paramref name="appended"/>; one block copy per kept run.</summary>
    private static ImmutableArray<string[]> Without(ImmutableArray<string[]> items, List<int> removed, List<string[]> appended,
        Dictionary<int, string[]> replaced)
    {
        var result = new string[items.Length - removed.Count + appended.Count][];
        var source = items.AsSpan();
        var at = 0;
        var from = 0;
        foreach (var position in removed)
        {
            source[from..position].CopyTo(result.AsSpan(at));
            at += position - from;
            from = position + 1;
        }

        source[from..].CopyTo(result.AsSpan(at));
        at += source.Length - from;
        foreach (var rule in appended)
        {
            result[at++] = rule;
        }

        foreach (var (position, rule) in replaced)
        {
            result[position - CountBelow(removed, position)] = rule;
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(result);
    }

    /// <summary>How many of the ascending <paramref name="positions"/> are below <paramref name="position"/>.</summary>
    public static int CountBelow(IReadOnlyList<int> positions, int position)
    {
        int lo = 0, hi = positions.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (positions[mid] < position)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
