using System.Collections.Concurrent;

namespace ConfigResolver.Policy.Roles;

/// <summary>
/// The role links of one domain (or of a role definition without domains): who inherits which role.
/// Immutable once built; safe for concurrent readers.
/// </summary>
internal sealed class RoleGraph
{
    public static readonly RoleGraph Empty = new([], computeClosures: true);

    private readonly Dictionary<string, string[]> _parents;
    private readonly Dictionary<string, string[]>? _closures;
    private Dictionary<string, string[]>? _children;
    private string[]? _names;

    // Pattern relations among stored names, filled lazily per matching function (see RoleManager).
    private readonly ConcurrentDictionary<string, string[]> _matched = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string[]> _matchedBy = new(StringComparer.Ordinal);

    /// <summary>Builds the graph; with <paramref name="computeClosures"/> every name's role closure is precomputed.</summary>
    // Runs once per load: compile optimized straight away instead of through tiering (no tier-0 loops).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public RoleGraph(IEnumerable<(string User, string Role)> links, bool computeClosures)
    {
        // Most names have one or two roles: their arrays grow in place rather than through a list per name.
        _parents = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var count = 0;
        foreach (var (user, role) in links)
        {
            ref var roles = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_parents, user, out var exists);
            if (!exists)
            {
                roles = [role];
                count++;
            }
            else if (Array.IndexOf(roles!, role) < 0)
            {
                Array.Resize(ref roles, roles!.Length + 1);
                roles[^1] = role;
                count++;
            }
        }

        LinkCount = count;
        _closures = computeClosures ? ComputeClosures() : null;
    }

    /// <summary>Every name that appears in a link (built on first use: only pattern matching and queries need it).</summary>
    public IReadOnlyList<string> Names => _names ?? LazyInitializer.EnsureInitialized(ref _names, () =>
        [.. _parents.Keys.Concat(_parents.Values.SelectMany(static p => p)).Distinct(StringComparer.Ordinal)]);

    /// <summary>Names with at least one role: the only ones that can lie on a cycle.</summary>
    public IEnumerable<string> Members => _parents.Keys;

    /// <summary>How many names have at least one role.</summary>
    public int MemberCount => _parents.Count;

    public int LinkCount { get; }

    public bool Contains(string name) => _parents.ContainsKey(name) || Children.ContainsKey(name);

    /// <summary>Whether closures were precomputed (graphs used with exact name matching).</summary>
    public bool HasClosures => _closures is not null;

    /// <summary>
    /// Every role <paramref name="name"/> reaches through at most <see cref="RoleManager.MaxHierarchyLevel"/> links,
    /// not including itself; empty for a name without roles. Requires precomputed closures.
    /// </summary>
    public string[] ClosureOf(string name) => _closures!.TryGetValue(name, out var c) ? c : [];

    public string[] ParentsOf(string name) => _parents.TryGetValue(name, out var p) ? p : [];

    public string[] ChildrenOf(string name) => Children.TryGetValue(name, out var c) ? c : [];

    private Dictionary<string, string[]> Children => _children ?? LazyInitializer.EnsureInitialized(ref _children, () =>
        _parents.SelectMany(static kv => kv.Value.Select(r => (Role: r, User: kv.Key)))
            .GroupBy(static x => x.Role, StringComparer.Ordinal)
            .ToDictionary(static g => g.Key, static g => g.Select(static x => x.User).ToArray(), StringComparer.Ordinal));

    public IEnumerable<(string User, string Role)> Links =>
        _parents.SelectMany(static kv => kv.Value.Select(r => (kv.Key, r)));

    /// <summary>Stored names <c>y</c> (other than <paramref name="pattern"/>) that <paramref name="pattern"/> matches: <c>fn(y, pattern)</c>.</summary>
    public string[] Matched(string pattern, Func<string, string, bool> fn) =>
        Contains(pattern)
            ? _matched.GetOrAdd(pattern, p => [.. Names.Where(y => y != p && fn(y, p))])
              : [.. Names.Where(y => y != pattern && fn(y, pattern))];

    /// <summary>Stored patterns <c>y</c> (other than <paramref name="name"/>) that match <paramref name="name"/>: <c>fn(name, y)</c>.</summary>
    public string[] MatchedBy(string name, Func<string, string, bool> fn) =>
        Contains(name)
            ? _matchedBy.GetOrAdd(name, n => [.. Names.Where(y => y != n && fn(n, y))])
              : [.. Names.Where(y => y != name && fn(name, y))];

    // Runs once per load: compile optimized straight away instead of through tiering (no tier-0 loops).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private Dictionary<string, string[]> ComputeClosures()
    {
        var closures = new Dictionary<string, string[]>(_parents.Count, StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var current = new List<string>();
        var next = new List<string>();
        var found = new List<string>();
        foreach (var (name, direct) in _parents)
        {
            visited.Clear();
            found.Clear();
            current.Clear();
            visited.Add(name);
            foreach (var p in direct)
            {
                if (visited.Add(p))
                {
                    current.Add(p);
                }
            }

            // Same limit as the search: roles one to MaxHierarchyLevel links away.
            for (var level = 1; level <= RoleManager.MaxHierarchyLevel && current.Count > 0; level++)
            {
                next.Clear();
                foreach (var role in current)
                {
                    found.Add(role);
                    if (level == RoleManager.MaxHierarchyLevel)
                    {
                        continue;
                    }

                    foreach (var p in ParentsOf(role))
                    {
                        if (visited.Add(p))
                        {
                            next.Add(p);
                        }
                    }
                }

                (current, next) = (next, current);
            }

            closures[name] = found.Count == direct.Length && found.SequenceEqual(direct) ? direct : [.. found];
        }

        return closures;
    }

}
