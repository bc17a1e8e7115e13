using ConfigResolver.Policy.Compilation;

namespace ConfigResolver.Policy.Tests.Compilation;

/// <summary>How a derived rule list reports its changes by slot, which the rule index and role managers rely on.</summary>
public sealed class RuleListTests
{
    private static string[] Rule(int i) => ["s" + i, "o" + i, "read"];

    private static RuleList Of(int count) => RuleList.From(Enumerable.Range(0, count).Select(Rule));

    private static string[] Text(IEnumerable<string[]> rules) => [.. rules.Select(static r => string.Join(", ", r))];

    [Fact]
    public void A_removal_leaves_a_hole_in_its_slot_and_reports_the_slot()
    {
        var list = Of(10);
        var after = list.RemoveAll([Rule(3)]);

        Assert.False(after.Renumbered);
        Assert.Same(list, after.Parent);
        Assert.Equal([3], after.ChangedSlots);
        Assert.Null(after.Slots[3]);
        Assert.Equal(10, after.Slots.Count);
        Assert.Equal(9, after.Count);
        Assert.Equal(Text(Enumerable.Range(0, 10).Where(static i => i != 3).Select(Rule)), Text(after.Items));
        Assert.False(after.Contains(Rule(3)));
        Assert.Equal(10, list.Count);
        Assert.Equal(Rule(3), list.Slots[3]);
    }

    [Fact]
    public void A_replacement_overwrites_its_slot_and_an_addition_takes_the_next_one()
    {
        var list = Of(4);
        var after = list.Replace(Rule(1), Rule(100)).AddRange([Rule(200)]);

        Assert.Equal(Rule(100), after.Slots[1]);
        Assert.Equal(Rule(200), after.Slots[4]);
        Assert.Empty(after.ChangedSlots);
        Assert.Equal([1], after.Parent!.ChangedSlots);
        Assert.Equal(Text([Rule(0), Rule(100), Rule(2), Rule(3), Rule(200)]), Text(after.Items));
    }

    [Fact]
    public void A_rule_removed_and_added_again_in_one_batch_moves_to_the_end_and_is_reported_both_ways()
    {
        var list = Of(5);
        var after = list.Apply(
            [new PolicyChange("p", PolicyChangeKind.Remove, Rule(2)), new PolicyChange("p", PolicyChangeKind.Add, Rule(2))], null);

        Assert.Equal([2], after.ChangedSlots);
        Assert.Equal(Rule(2), after.Slots[5]);
        Assert.Equal(Text([Rule(2)]), Text(after.Added));
        Assert.Equal(Text([Rule(2)]), Text(after.Removed));
        Assert.Equal(Text([Rule(0), Rule(1), Rule(3), Rule(4), Rule(2)]), Text(after.Items));
    }

    [Fact]
    public void When_holes_outnumber_the_rules_the_list_is_numbered_afresh()
    {
        var size = 3 * ChunkedVector<string[]>.ChunkSize;
        var list = Of(size);
        var renumbered = 0;
        for (var i = 0; i < size - 10; i++)
        {
            var holes = list.Slots.Count - list.Count + 1;
            list = list.RemoveAll([Rule(i)]);
            Assert.Equal(holes > Math.Max(ChunkedVector<string[]>.ChunkSize, list.Count), list.Renumbered);
            if (list.Renumbered)
            {
                renumbered++;
                Assert.Equal(list.Count, list.Slots.Count);
                Assert.Empty(list.ChangedSlots);
            }
        }

        Assert.True(renumbered > 0);
        Assert.Equal(Text(Enumerable.Range(size - 10, 10).Select(Rule)), Text(list.Items));
        Assert.All(Enumerable.Range(size - 10, 10), i => Assert.True(list.Contains(Rule(i))));
    }

    [Fact]
    public void An_insertion_in_the_middle_numbers_the_list_afresh_in_the_requested_order()
    {
        var list = Of(6).RemoveAll([Rule(4)]);
        var after = list.AddRange([Rule(50)], static (items, _) => 2);

        Assert.True(after.Renumbered);
        Assert.Equal(Text([Rule(0), Rule(1), Rule(50), Rule(2), Rule(3), Rule(5)]), Text(after.Items));
        Assert.Equal(6, after.Slots.Count);
    }

    [Fact]
    public void The_list_view_given_to_an_insertion_rule_skips_holes()
    {
        var list = Of(8).RemoveAll([Rule(6), Rule(1)]);
        IReadOnlyList<string[]>? seen = null;
        string[][] snapshot = [];
        list.AddRange([Rule(90)], (items, _) =>
        {
            seen = items;
            snapshot = [.. Enumerable.Range(0, items.Count).Select(i => items[items.Count - 1 - i]).Reverse()];
            return items.Count;
        });

        Assert.NotNull(seen);
        Assert.Equal(Text(new[] { 0, 2, 3, 4, 5, 7 }.Select(Rule)), Text(snapshot));
    }
}
