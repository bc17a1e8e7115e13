namespace ConfigResolver.Policy.Roles;

internal sealed partial class RoleManager
{
    /// <summary>The same search with Go's pattern semantics (see the type remarks).</summary>
    private static bool SearchWithPatterns(RoleGraph graph, string user, string target, Func<string, string, bool> fn)
    {
        // Go creates the two queried names as temporary roles, which takes part in pattern matching.
        var temps = new List<string>(2);
        if (!graph.Contains(user))
        {
            temps.Add(user);
        }

        if (!graph.Contains(target) && target != user)
        {
            temps.Add(target);
        }

        var visited = new HashSet<string>(StringComparer.Ordinal) { user };
        var current = new List<string> { user };
        for (var level = MaxHierarchyLevel; level >= 0 && current.Count > 0; level--)
        {
            var next = new List<string>();
            foreach (var role in current)
            {
                if (role == target || fn(role, target))
                {
                    return true;
                }

                foreach (var reached in RangeRoles(graph, role, temps, fn))
                {
                    if (visited.Add(reached))
                    {
                        next.Add(reached);
                    }
                }
            }

            current = next;
        }

        return false;
    }

    /// <summary>Go's rangeRoles: direct roles, names matching a direct role used as a pattern, and roles of patterns the name matches.</summary>
    private static IEnumerable<string> RangeRoles(RoleGraph graph, string name, List<string> temps, Func<string, string, bool> fn)
    {
        var parents = graph.ParentsOf(name);
        foreach (var p in parents)
        {
            yield return p;
        }

        foreach (var p in parents)
        {
            foreach (var m in graph.Matched(p, fn))
            {
                yield return m;
            }

            foreach (var t in temps)
            {
                if (t != p && fn(t, p))
                {
                    yield return t;
                }
            }
        }

        foreach (var pattern in graph.MatchedBy(name, fn))
        {
            foreach (var p in graph.ParentsOf(pattern))
            {
                yield return p;
            }
        }
    }
}
