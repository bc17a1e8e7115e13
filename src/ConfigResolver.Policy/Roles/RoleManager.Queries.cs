namespace ConfigResolver.Policy.Roles;

internal sealed partial class RoleManager
{
    /// <summary>
    /// A cycle among links of a definition without domains, as Go casbin's default detector refuses it, or null.
    /// The cycle is returned as the names along it, first name repeated at the end.
    /// </summary>
    // Runs once per load: compile optimized straight away instead of through tiering (no tier-0 loops).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public IReadOnlyList<string>? FindCycle()
    {
        if (Definition.HasDomains)
        {
            return null;
        }

        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var path = new List<string>();
        var stack = new Stack<(string Node, int Next)>();
        foreach (var start in _global.Members)
        {
            if (state.ContainsKey(start))
            {
                continue;
            }

            // Iterative depth-first search; path holds the names on the current branch (state 1).
            path.Clear();
            stack.Clear();
            stack.Push((start, 0));
            state[start] = 1;
            path.Add(start);
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                var parents = _global.ParentsOf(node);
                if (next < parents.Length)
                {
                    stack.Push((node, next + 1));
                    var parent = parents[next];
                    if (!state.TryGetValue(parent, out var s))
                    {
                        state[parent] = 1;
                        path.Add(parent);
                        stack.Push((parent, 0));
                    }
                    else if (s == 1)
                    {
                        var from = path.IndexOf(parent);
                        return [.. path.Skip(from), parent];
                    }
                }
                else
                {
                    state[node] = 2;
                    path.RemoveAt(path.Count - 1);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A cycle closed by one of <paramref name="added"/> links (definitions without domains), or null: a new link
    /// <c>u -> r</c> closes a cycle exactly when <c>u</c> is reachable from <c>r</c>. Cheaper than <see cref="FindCycle"/>.
    /// </summary>
    public IReadOnlyList<string>? FindCycleThrough(IEnumerable<string[]> added)
    {
        if (Definition.HasDomains)
        {
            return null;
        }

        foreach (var link in added)
        {
            var (user, role) = (link[0], link[1]);
            var cameFrom = new Dictionary<string, string>(StringComparer.Ordinal) { [role] = user };
            var queue = new Queue<string>([role]);
            while (queue.Count > 0)
            {
                var node = queue.Dequeue();
                if (node == user)
                {
                    var path = new List<string> { user };
                    for (var at = user; ;)
                    {
                        at = cameFrom[at];
                        path.Add(at);
                        if (at == user)
                        {
                            break;
                        }
                    }

                    path.Reverse();
                    return path;
                }

                foreach (var parent in _global.ParentsOf(node))
                {
                    if (cameFrom.TryAdd(parent, node))
                    {
                        queue.Enqueue(parent);
                    }
                }
            }
        }

        return null;
    }

    /// <summary>Go's GetRoles: the roles reached in one step, including pattern expansions.</summary>
    public IReadOnlyList<string> GetRoles(string name, string? domain)
    {
        var graph = GraphFor(domain);
        if (NameMatcher is null)
        {
            return graph.ParentsOf(name);
        }

        var temps = graph.Contains(name) ? new List<string>() : [name];
        return [.. RangeRoles(graph, name, temps, NameMatcher).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Go's GetUsers: the names that have <paramref name="role"/> in one step.</summary>
    public IReadOnlyList<string> GetUsers(string role, string? domain) => GraphFor(domain).ChildrenOf(role);

    /// <summary>Every role reachable from <paramref name="name"/> within the hierarchy limit, nearest first.</summary>
    public IReadOnlyList<string> GetImplicitRoles(string name, string? domain)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { name };
        var current = new List<string> { name };
        for (var level = 0; level < MaxHierarchyLevel && current.Count > 0; level++)
        {
            var next = new List<string>();
            foreach (var n in current)
            {
                foreach (var r in GetRoles(n, domain))
                {
                    if (seen.Add(r))
                    {
                        result.Add(r);
                        next.Add(r);
                    }
                }
            }

            current = next;
        }

        return result;
    }

    /// <summary>Every name that reaches <paramref name="role"/> within the hierarchy limit.</summary>
    public IReadOnlyList<string> GetImplicitUsers(string role, string? domain)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { role };
        var current = new List<string> { role };
        for (var level = 0; level < MaxHierarchyLevel && current.Count > 0; level++)
        {
            var next = new List<string>();
            foreach (var n in current)
            {
                foreach (var u in GetUsers(n, domain))
                {
                    if (seen.Add(u))
                    {
                        result.Add(u);
                        next.Add(u);
                    }
                }
            }

            current = next;
        }

        return result;
    }
}
