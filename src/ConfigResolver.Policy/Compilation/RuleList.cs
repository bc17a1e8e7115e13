using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace ConfigResolver.Policy.Compilation;

/// <summary>
/// The rules of one policy or role type in evaluation order, without duplicates. Immutable: every change returns a new
/// list and leaves this one untouched, so a snapshot never changes under a reader. A derived list remembers its
/// <see cref="Parent"/> and what changed relative to it, by rule and by slot, so the rule index and the role managers
/// update only what a change touched instead of rebuilding.
/// </summary>
/// <remarks>
/// Rules sit in numbered <see cref="Slots"/> that never move while the list is derived from its parent: a removal leaves
/// a hole (null), a replacement overwrites its slot, an addition takes the next slot. Slots are a
/// <see cref="ChunkedVector{T}"/> and membership (rule to slot) an <see cref="OverlayMap{TKey, TValue}"/>, so one change
/// copies a chunk and a few small arrays, never the whole list. When holes outnumber the rules (or a rule is inserted in
/// the middle, which a priority column can ask for) the next list is numbered afresh and reports
/// <see cref="Renumbered"/>, which makes slot-based consumers rebuild (amortized O(1) per change).
/// </remarks>
internal sealed partial class RuleList
{
    public static readonly RuleList Empty = FromDistinct([], new Dictionary<string[], int>(RuleComparer.Instance), null, [], [], renumbered: true);

    private readonly OverlayMap<string[], int> _slotOf;
    private string[][]? _items;

    private RuleList(ChunkedVector<string[]?> slots, int count, OverlayMap<string[], int> slotOf, RuleList? parent, string[][] added,
        string[][] removed, int[] changedSlots, bool renumbered, string[][]? items)
    {
        Slots = slots;
        Count = count;
        _slotOf = slotOf;
        Parent = parent;
        Added = added;
        Removed = removed;
        ChangedSlots = changedSlots;
        Renumbered = renumbered;
        _items = items;
    }

    /// <summary>The list this one was derived from by one change (or one batch), so consumers can update incrementally.</summary>
    public RuleList? Parent { get; }

    /// <summary>Rules added relative to <see cref="Parent"/> (a rule removed and added again is in both lists).</summary>
    public string[][] Added { get; }

    /// <summary>Rules removed relative to <see cref="Parent"/>.</summary>
    public string[][] Removed { get; }

    /// <summary>
    /// Whether the slots were numbered afresh relative to <see cref="Parent"/> (holes dropped, or an insertion in the
    /// middle); slot-based consumers then rebuild. When false, every slot below the parent's slot count holds what it
    /// held in the parent except <see cref="ChangedSlots"/>, and later slots are the rules appended since.
    /// </summary>
    public bool Renumbered { get; }

    /// <summary>Slots of <see cref="Parent"/> whose rule was removed (now a hole) or replaced, ascending; empty when <see cref="Renumbered"/>.</summary>
    public int[] ChangedSlots { get; }

    /// <summary>The rules by slot in evaluation order; a null slot is a hole a removal left.</summary>
    public ChunkedVector<string[]?> Slots { get; }

    /// <summary>Number of rules (holes not counted).</summary>
    public int Count { get; }

    /// <summary>The rules in evaluation order without holes (built on first use after a change, then kept).</summary>
    public ImmutableArray<string[]> Items => ImmutableCollectionsMarshal.AsImmutableArray(_items ?? Interlocked.CompareExchange(ref _items, Compact(), null) ?? _items!);

    // Runs once per load: compile optimized straight away instead of through tiering (no tier-0 loops).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static RuleList From(IEnumerable<string[]> rules)
    {
        var slotOf = new Dictionary<string[], int>(RuleComparer.Instance);
        var items = new List<string[]>();
        foreach (var rule in rules)
        {
            if (slotOf.TryAdd(rule, items.Count))
            {
                items.Add(rule);
            }
        }

        return FromDistinct([.. items], slotOf, null, [], [], renumbered: true);
    }

    public bool Contains(string[] rule) => _slotOf.ContainsKey(rule);

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
        var edit = new Edit(this, null);
        foreach (var rule in Items)
        {
            if (predicate(rule))
            {
                edit.Remove(rule);
            }
        }

        return edit.Finish();
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

    /// <summary>A list over distinct rules numbered 0..n-1 (<paramref name="slotOf"/> maps each to its position; the list keeps it).</summary>
    private static RuleList FromDistinct(string[][] items, Dictionary<string[], int> slotOf, RuleList? parent, string[][] added,
        string[][] removed, bool renumbered) =>
        new(ChunkedVector<string[]?>.From(items), items.Length, OverlayMap<string[], int>.Wrap(slotOf), parent, added, removed, [], renumbered, items);

    /// <summary>Numbers <paramref name="items"/> afresh as a list derived from <paramref name="parent"/>.</summary>
    private static RuleList Renumber(string[][] items, RuleList parent, string[][] added, string[][] removed)
    {
        var slotOf = new Dictionary<string[], int>(items.Length, RuleComparer.Instance);
        for (var i = 0; i < items.Length; i++)
        {
            slotOf[items[i]] = i;
        }

        return FromDistinct(items, slotOf, parent, added, removed, renumbered: true);
    }

    private string[][] Compact()
    {
        var items = new string[Count][];
        var at = 0;
        for (var s = 0; s < Slots.Count; s++)
        {
            if (Slots[s] is { } rule)
            {
                items[at++] = rule;
            }
        }

        return items;
    }
}
