using System.Globalization;
using ConfigResolver.Policy.Model;

namespace ConfigResolver.Policy.Compilation;

/// <summary>How Go casbin orders rules when it loads them.</summary>
internal static class RuleOrdering
{
    /// <summary>
    /// Stable sort by the integer in a column named exactly <c>priority</c> (lower first). Go's order for a
    /// non-numeric priority is unpredictable; here such rules keep file order after every numeric one.
    /// </summary>
    public static List<string[]> SortByPriority(List<string[]> rules, TokenDefinition definition)
    {
        var index = definition.IndexOf("priority");
        if (index < 0)
        {
            return rules;
        }

        return [.. rules.Select((r, i) => (Rule: r, Order: i, Key: PriorityOf(r[index])))
            .OrderBy(static x => x.Key)
            .ThenBy(static x => x.Order)
            .Select(static x => x.Rule)];
    }

    /// <summary>Where Go's AddPolicy inserts a rule with a priority: after every rule whose priority is not greater.</summary>
    public static int PriorityInsertIndex(IReadOnlyList<string[]> rules, string[] rule, TokenDefinition definition)
    {
        var index = definition.IndexOf("priority");
        if (index < 0 || !int.TryParse(rule[index], NumberStyles.Integer, CultureInfo.InvariantCulture, out var priority))
        {
            return rules.Count;
        }

        var at = rules.Count;
        while (at > 0 && int.TryParse(rules[at - 1][index], NumberStyles.Integer, CultureInfo.InvariantCulture, out var previous) && previous > priority)
        {
            at--;
        }

        return at;
    }

    /// <summary>
    /// subjectPriority: stable sort by how deep each rule's subject (first field) sits in the <c>g</c> tree,
    /// deeper first, within the rule's domain (its <c>dom</c> column) when there is one.
    /// </summary>
    public static List<string[]> SortBySubjectHierarchy(List<string[]> rules, TokenDefinition definition, List<string[]> links)
    {
        var depth = SubjectDepths(links);
        var domainIndex = definition.IndexOf("dom");
        return [.. rules.Select((r, i) => (Rule: r, Order: i, Depth: depth.GetValueOrDefault(Key(domainIndex >= 0 ? r[domainIndex] : string.Empty, r[0]))))
            .OrderByDescending(static x => x.Depth)
            .ThenBy(static x => x.Order)
            .Select(static x => x.Rule)];
    }

    private static long PriorityOf(string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : long.MaxValue;

    private static string Key(string domain, string name) => domain + "::" + name;

    /// <summary>Level of every name in the role forest, roots at 0, as Go's getSubjectHierarchyMap computes it.</summary>
    private static Dictionary<string, int> SubjectDepths(List<string[]> links)
    {
        var depth = new Dictionary<string, int>(StringComparer.Ordinal);
        var children = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var link in links)
        {
            var domain = link.Length != 2 ? link[2] : string.Empty;
            var child = Key(domain, link[0]);
            var parent = Key(domain, link[1]);
            if (!children.TryGetValue(parent, out var list))
            {
                children[parent] = list = [];
            }

            list.Add(child);
            depth.TryAdd(child, 0);
            depth.TryAdd(parent, 0);
            depth[child] = 1;
        }

        // Go walks level by level from every root and assigns each visit, so a name reached along several
        // paths ends at its deepest level. The level cap stops the walk on cycles, where Go would not stop.
        var cap = depth.Count + 1;
        foreach (var root in depth.Where(static kv => kv.Value == 0).Select(static kv => kv.Key).ToList())
        {
            var queue = new List<string> { root };
            for (var level = 0; queue.Count > 0 && level <= cap; level++)
            {
                var next = new List<string>();
                foreach (var node in queue)
                {
                    depth[node] = level;
                    if (children.TryGetValue(node, out var kids))
                    {
                        next.AddRange(kids);
                    }
                }

                queue = next;
            }
        }

        return depth;
    }
}
