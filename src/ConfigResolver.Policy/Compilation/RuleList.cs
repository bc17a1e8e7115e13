using System.Collections.Immutable;

namespace ConfigResolver.Policy.Compilation;

/// <summary>
/// The rules of one policy or role type in evaluation order, without duplicates. Immutable: every change
/// returns a new list and leaves this one untouched, so a snapshot never changes under a reader.
/// </summary>
internal sealed class RuleList
{
    public static readonly RuleList Empty = new([], new HashSet<string[]>(RuleComparer.Instance));

    private readonly HashSet<string[]> _set;

    private RuleList(ImmutableArray<string[]> items, HashSet<string[]> set, RuleList? parent = null, string[][]? added = null, string[][]? removed = null)
    {
        Items = items;
        _set = set;
        Parent = parent;
        Added = added ?? [];
        Removed = removed ?? [];
    }

    /// <summary>The list this one was derived from by one change, so consumers can update incrementally.</summary>
    public RuleList? Parent { get; }

    /// <summary>Rules added relative to <see cref="Parent"/>.</summary>
    public string[][] Added { get; }

    /// <summary>Rules removed relative to <see cref="Parent"/>.</summary>
    public string[][] Removed { get; }

    public ImmutableArray<string[]> Items { get; }

    public int Count => Items.Length;

    // Runs once per load: compile optimized straight away instead of through tiering (no tier-0 loops).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static RuleList From(IEnumerable<string[]> rules)
    {
        var set = new HashSet<string[]>(RuleComparer.Instance);
        var items = ImmutableArray.CreateBuilder<string[]>();
        foreach (var rule in rules)
        {
            if (set.Add(rule))
            {
                items.Add(rule);
            }
        }

        return new RuleList(items.ToImmutable(), set);
    }

    public bool Contains(string[] rule) => _set.Contains(rule);

    /// <summary>Adds rules not yet present, each at the position <paramref name="insertAt"/> chooses (end by default).</summary>
    public RuleList AddRange(IEnumerable<string[]> rules, Func<ImmutableArray<string[]>.Builder, string[], int>? insertAt = null)
    {
        var set = new HashSet<string[]>(_set, RuleComparer.Instance);
        var builder = Items.ToBuilder();
        var added = new List<string[]>();
        foreach (var rule in rules)
        {
            if (set.Add(rule))
            {
                builder.Insert(insertAt?.Invoke(builder, rule) ?? builder.Count, rule);
                added.Add(rule);
            }
        }

        return added.Count == 0 ? this : new RuleList(builder.ToImmutable(), set, this, [.. added], []);
    }

    /// <summary>Casbin's AddPolicies: the rules added (each where <paramref name="insertAt"/> says), or none at all when any already exists.</summary>
    public RuleList AddAllOrNone(IReadOnlyCollection<string[]> rules, Func<ImmutableArray<string[]>.Builder, string[], int>? insertAt = null) =>
        rules.Any(Contains) ? this : AddRange(rules, insertAt);

    /// <summary>Casbin's RemovePolicies: every listed rule that exists is removed.</summary>
    public RuleList RemoveAll(IEnumerable<string[]> rules)
    {
        var set = new HashSet<string[]>(rules, RuleComparer.Instance);
        return RemoveWhere(set.Contains);
    }

    /// <summary>Casbin's UpdatePolicy: the old rule replaced in place, only when it exists and the new one does not.</summary>
    public RuleList Update(string[] oldRule, string[] newRule) =>
        Contains(oldRule) && !Contains(newRule) ? Replace(oldRule, newRule) : this;

    public RuleList RemoveWhere(Func<string[], bool> predicate)
    {
        var kept = ImmutableArray.CreateBuilder<string[]>(Items.Length);
        var removed = new List<string[]>();
        foreach (var rule in Items)
        {
            (predicate(rule) ? removed : (ICollection<string[]>)kept).Add(rule);
        }

        if (removed.Count == 0)
        {
            return this;
        }

        var set = new HashSet<string[]>(_set, RuleComparer.Instance);
        set.ExceptWith(removed);
        return new RuleList(kept.ToImmutable(), set, this, [], [.. removed]);
    }

    public RuleList Replace(string[] oldRule, string[] newRule)
    {
        var index = Items.IndexOf(oldRule, RuleComparer.Instance);
        if (index < 0)
        {
            return this;
        }

        var items = Items.SetItem(index, newRule);
        var set = new HashSet<string[]>(_set, RuleComparer.Instance);
        set.Remove(oldRule);
        set.Add(newRule);
        return new RuleList(items, set, this, [newRule], [oldRule]);
    }
}
