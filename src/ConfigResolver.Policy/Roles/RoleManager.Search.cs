namespace ConfigResolver.Policy.Roles;

internal sealed partial class RoleManager
{
    [ThreadStatic]
    private static SearchScratch? t_scratch;

    /// <summary>Breadth-first search up the hierarchy, at most <see cref="MaxHierarchyLevel"/> links deep.</summary>
    private static bool Search(RoleGraph graph, string user, string target)
    {
        var first = graph.ParentsOf(user);
        if (first.Length == 0)
        {
            return false;
        }

        var scratch = SearchScratch.Rent();
        try
        {
            var current = scratch.Current;
            var next = scratch.Next;
            var visited = scratch.Visited;
            visited.Add(user);
            foreach (var p in first)
            {
                if (visited.Add(p))
                {
                    current.Add(p);
                }
            }

            // The user itself is level MaxHierarchyLevel; its direct roles are checked one level lower, down to 0.
            for (var level = MaxHierarchyLevel - 1; level >= 0 && current.Count > 0; level--)
            {
                foreach (var role in current)
                {
                    if (string.Equals(role, target, StringComparison.Ordinal))
                    {
                        return true;
                    }

                    foreach (var parent in graph.ParentsOf(role))
                    {
                        if (visited.Add(parent))
                        {
                            next.Add(parent);
                        }
                    }
                }

                (current, next) = (next, current);
                next.Clear();
            }

            return false;
        }
        finally
        {
            scratch.Return();
        }
    }

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

    private sealed class SearchScratch
    {
        private bool _inUse;

        public List<string> Current { get; } = [];

        public List<string> Next { get; } = [];

        public HashSet<string> Visited { get; } = new(StringComparer.Ordinal);

        public static SearchScratch Rent()
        {
            var scratch = t_scratch ??= new SearchScratch();
            if (scratch._inUse)
            {
                return new SearchScratch { _inUse = true };
            }

            scratch._inUse = true;
            return scratch;
        }

        public void Return()
        {
            Current.Clear();
            Next.Clear();
            var large = Visited.Count > 1024;
            Visited.Clear();
            if (large)
            {
                Visited.TrimExcess();
            }

            _inUse = false;
        }
    }
}
