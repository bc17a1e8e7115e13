using System.Globalization;
using System.Text;

namespace ConfigResolver.Policy.Functions.GoCompat;

/// <summary>
/// Case-fold orbits like Go's unicode.SimpleFold: the sets of runes that Go's (?i) treats as equal.
/// </summary>
/// <remarks>
/// Go derives its orbits from Unicode simple case folding. .NET exposes no folding table, so the
/// orbits are rebuilt once from the invariant upper/lower mappings, joined transitively (so the
/// Kelvin sign joins k and K, and long s joins s and S). The invariant mappings leave the Turkic
/// dotted and dotless i (U+0130, U+0131) alone, as Go's orbits do. Built lazily on first use of
/// (?i); thread-safe.
/// </remarks>
internal static class CaseFolding
{
    private static readonly Lazy<Table> s_table = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Adds to <paramref name="set"/> the orbit of every rune in lo..hi that has one.</summary>
    public static void AddOrbitsInRange(RuneSet set, int lo, int hi)
    {
        var table = s_table.Value;
        var index = Array.BinarySearch(table.Keys, lo);
        if (index < 0)
        {
            index = ~index;
        }

        for (; index < table.Keys.Length && table.Keys[index] <= hi; index++)
        {
            foreach (var member in table.Orbits[index])
            {
                set.Add(member);
            }
        }
    }

    private static Table Build()
    {
        var parent = new Dictionary<int, int>();
        for (var cp = 0; cp <= RuneSet.MaxRune; cp++)
        {
            if (cp is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            var rune = new Rune(cp);
            if (CharUnicodeInfo.GetUnicodeCategory(cp) == UnicodeCategory.OtherNotAssigned)
            {
                continue;
            }

            Join(parent, cp, Rune.ToUpperInvariant(rune).Value);
            Join(parent, cp, Rune.ToLowerInvariant(rune).Value);
        }

        var groups = new Dictionary<int, List<int>>();
        foreach (var cp in parent.Keys)
        {
            var root = Find(parent, cp);
            if (!groups.TryGetValue(root, out var members))
            {
                members = [];
                groups[root] = members;
            }

            members.Add(cp);
        }

        var keys = new List<int>();
        var orbits = new List<int[]>();
        foreach (var members in groups.Values.Where(g => g.Count > 1))
        {
            var orbit = members.Order().ToArray();
            foreach (var member in orbit)
            {
                keys.Add(member);
                orbits.Add(orbit);
            }
        }

        var keyArray = keys.ToArray();
        var orbitArray = orbits.ToArray();
        Array.Sort(keyArray, orbitArray);
        return new Table(keyArray, orbitArray);
    }

    private static void Join(Dictionary<int, int> parent, int a, int b)
    {
        if (a == b)
        {
            return;
        }

        var rootA = Find(parent, a);
        var rootB = Find(parent, b);
        if (rootA != rootB)
        {
            parent[rootA] = rootB;
        }
    }

    private static int Find(Dictionary<int, int> parent, int x)
    {
        if (!parent.TryGetValue(x, out var p))
        {
            parent[x] = x;
            return x;
        }

        while (p != x)
        {
            var grand = parent[p];
            parent[x] = grand;
            x = p;
            p = grand;
        }

        return x;
    }

    private sealed record Table(int[] Keys, int[][] Orbits);
}
