namespace ConfigResolver.Policy.Roles;

internal sealed partial class RoleGraph
{
    /// <summary>
    /// The graph after <paramref name="removed"/> and then <paramref name="added"/> links, sharing every entry they do not
    /// touch; with precomputed closures, also the names whose closure may have changed, each with its new closure (empty
    /// when it has no role any more). A link <c>u -> r</c> can change the closure of <c>u</c> and of every name that reaches
    /// <c>u</c> within <see cref="RoleManager.MaxHierarchyLevel"/> links, so exactly those are recomputed in the new graph,
    /// which keeps closures exact when a removal disconnects a path.
    /// </summary>
    public RoleGraph WithChanges(IEnumerable<(string User, string Role)> removed, IEnumerable<(string User, string Role)> added,
        List<(string Name, string[] Closure)> closures)
    {
        var parents = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var children = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var before = Children;
        var links = LinkCount;
        foreach (var (user, role) in removed)
        {
            var current = parents.TryGetValue(user, out var p) ? p : ParentsOf(user);
            if (Array.IndexOf(current, role) >= 0)
            {
                parents[user] = [.. current.Where(r => r != role)];
                var kids = children.TryGetValue(role, out var k) ? k : before.GetValueOrDefault(role) ?? [];
                children[role] = [.. kids.Where(c => c != user)];
                links--;
            }
        }

        foreach (var (user, role) in added)
        {
            var current = parents.TryGetValue(user, out var p) ? p : ParentsOf(user);
            if (Array.IndexOf(current, role) < 0)
            {
                parents[user] = [.. current, role];
                var kids = children.TryGetValue(role, out var k) ? k : before.GetValueOrDefault(role) ?? [];
                children[role] = [.. kids, user];
                links++;
            }
        }

        var nextParents = _parents.SetItems(parents.Select(static kv => KeyValuePair.Create(kv.Key, kv.Value.Length > 0 ? kv.Value : null)));
        var nextChildren = before.SetItems(children.Select(static kv => KeyValuePair.Create(kv.Key, kv.Value.Length > 0 ? kv.Value : null)));
        if (_closures is null)
        {
            return new RoleGraph(nextParents, null, nextChildren, links);
        }

        // Everyone who reaches a touched name within the hierarchy limit, found through the new graph's children: a name
        // whose path to a touched link used another touched link reaches that other link's user first.
        var affected = new HashSet<string>(parents.Keys, StringComparer.Ordinal);
        var frontier = new List<string>(affected);
        for (var level = 0; level < RoleManager.MaxHierarchyLevel && frontier.Count > 0; level++)
        {
            var next = new List<string>();
            foreach (var name in frontier)
            {
                foreach (var child in nextChildren.GetValueOrDefault(name) ?? [])
                {
                    if (affected.Add(child))
                    {
                        next.Add(child);
                    }
                }
            }

            frontier = next;
        }

        var changed = new List<KeyValuePair<string, string[]?>>(affected.Count);
        foreach (var name in affected)
        {
            var closure = ClosureIn(nextParents, name);
            changed.Add(KeyValuePair.Create(name, closure.Length > 0 ? closure : null));
            closures.Add((name, closure));
        }

        return new RoleGraph(nextParents, _closures.SetItems(changed), nextChildren, links);
    }

    /// <summary>The closure of one name, computed as the load does (roles one to the hierarchy limit away, nearest first).</summary>
    private static string[] ClosureIn(Compilation.OverlayMap<string, string[]> parents, string name)
    {
        if (!parents.TryGetValue(name, out var direct))
        {
            return [];
        }

        var visited = new HashSet<string>(StringComparer.Ordinal) { name };
        var found = new List<string>();
        var current = direct.Where(visited.Add).ToList();
        for (var level = 1; level <= RoleManager.MaxHierarchyLevel && current.Count > 0; level++)
        {
            var next = new List<string>();
            foreach (var role in current)
            {
                found.Add(role);
                if (level < RoleManager.MaxHierarchyLevel)
                {
                    next.AddRange((parents.GetValueOrDefault(role) ?? []).Where(visited.Add));
                }
            }

            current = next;
        }

        return found.Count == direct.Length && found.SequenceEqual(direct) ? direct : [.. found];
    }
}
