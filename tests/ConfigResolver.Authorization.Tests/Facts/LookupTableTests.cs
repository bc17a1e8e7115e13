using ConfigResolver.Authorization.Facts;

namespace ConfigResolver.Authorization.Tests.Facts;

/// <summary>The facts' hash table against a dictionary, through enough changes to span many storage chunks and regrow.</summary>
public sealed class LookupTableTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(42)]
    public void Random_sets_and_removes_read_back_like_a_dictionary_and_leave_earlier_tables_unchanged(int seed)
    {
        var random = new Random(seed);
        var expected = new Dictionary<string, int>(StringComparer.Ordinal);
        var table = LookupTable<string, int>.Empty;
        var snapshots = new List<(LookupTable<string, int> Table, Dictionary<string, int> Content)>();
        for (var step = 0; step < 6_000; step++)
        {
            var key = "org-" + random.Next(3_000);
            if (random.Next(8) == 0)
            {
                table = table.Remove(key);
                expected.Remove(key);
            }
            else
            {
                table = table.SetItem(key, step);
                expected[key] = step;
            }

            if (step % 1_000 == 0)
            {
                snapshots.Add((table, new Dictionary<string, int>(expected, StringComparer.Ordinal)));
            }
        }

        snapshots.Add((table, expected));
        foreach (var (snapshot, content) in snapshots)
        {
            Assert.Equal(content.Count, snapshot.Count);
            Assert.Equal(content.OrderBy(static kv => kv.Key, StringComparer.Ordinal), snapshot.OrderBy(static kv => kv.Key, StringComparer.Ordinal));
            for (var k = 0; k < 3_000; k++)
            {
                var key = "org-" + k;
                Assert.Equal(content.TryGetValue(key, out var value), snapshot.TryGetValue(key, out var found));
                Assert.Equal(value, found);
            }
        }
    }
}
