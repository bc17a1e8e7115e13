using System.Collections.Immutable;

namespace ConfigResolver.Policy.Model;

/// <summary>
/// The rules of one policy or role type in evaluation order, without duplicates. Immutable: every change
/// returns a new list and leaves this one untouched, so a snapshot never changes under a reader.
/// </summary>
internal sealed class RuleList
{
    public static readonly RuleList Empty = new([], new HashSet<string[]>(RuleComparer.Instance));

    private readonly HashSet<string[]> _set;

    private RuleList(ImmutableArray<string[]> items, HashSet<string[]> set)
    {
        Items = items;
        _set = set;
    }

    public ImmutableArray<string[]> Items { get; }

    public int Count => Items.Length;

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
        foreach (var rule in rules)
        {
            if (set.Add(rule))
            {
                builder.Insert(insertAt?.Invoke(builder, rule) ?? builder.Count, rule);
            }
        }

        return new RuleList(builder.ToImmutable(), set);
    }

    public RuleList RemoveWhere(Func<string[], bool> predicate)
    {
        var kept = Items.Where(r => !predicate(r)).ToImmutableArray();
        return kept.Length == Items.Length ? this : new RuleList(kept, new HashSet<string[]>(kept, RuleComparer.Instance));
    }

    public RuleList Replace(string[] oldRule, string[] newRule)
    {
        var index = Items.IndexOf(oldRule, RuleComparer.Instance);
        if (index < 0)
        {
            return this;
        }

        var items = Items.SetItem(index, newRule);
        return new RuleList(items, new HashSet<string[]>(items, RuleComparer.Instance));
    }
}
