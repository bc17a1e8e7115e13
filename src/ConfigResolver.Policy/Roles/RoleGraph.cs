using System.Collections.Concurrent;
using ConfigResolver.Policy.Compilation;

namespace ConfigResolver.Policy.Roles;

/// <summary>
/// The role links of one domain (or of a role definition without domains): who inherits which role.
/// Immutable once built; safe for concurrent readers.
/// </summary>
internal sealed partial class RoleGraph
{
    public static readonly RoleGraph Empty = new([], computeClosures: true);

    // Overlay maps: a link change replaces the entries of the names it touches and shares the rest (RoleGraph.Changes.cs).
    private readonly OverlayMap<string, string[]> _parents;
    private readonly OverlayMap<string, string[]>? _closures;
    private OverlayMap<string, string[]>? _children;
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
        var parents = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var count = 0;
        foreach (var (user, role) in links)
        {
            ref var roles = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(parents, user, out var exists);
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
        _parents = OverlayMap<string, string[]>.Wrap(parents);
        _closures = computeClosures ? OverlayMap<string, string[]>.Wrap(ComputeClosures(parents)) : null;
    }

    private RoleGraph(OverlayMap<string, string[]> parents, OverlayMap<string, string[]>? closures, OverlayMap<string, string[]>? children, int linkCount)
    {
        _parents = parents;
        _closures = closures;
        _children = children;
        LinkCount = linkCount;
    }

    /// <summary>Every name that appears in a link (built on first use: only pattern matching and queries need it).</summary>
    public IReadOnlyList<string> Names => _names ?? LazyInitializer.EnsureInitialized(ref _names, () =>
        [.. _parents.Keys.Concat(_parents.Pairs.SelectMany(static p => p.Value)).Distinct(StringComparer.Ordinal)]);

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

    private OverlayMap<string, string[]> Children => _children ?? LazyInitializer.EnsureInitialized(ref _children, () =>
        OverlayMap<string, string[]>.Wrap(_parents.Pairs.SelectMany(static kv => kv.Value.Select(r => (Role: r, User: kv.Key)))
            .GroupBy(static x => x.Role, StringComparer.Ordinal)
            .ToDictionary(static g => g.Key, static g => g.Select(static x => x.User).ToArray(), StringComparer.Ordinal)));

    public IEnumerable<(string User, string Role)> Links =>
        _parents.Pairs.SelectMany(static kv => kv.Value.Select(r => (kv.Key, r)));

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
    private static Dictionary<string, string[]> ComputeClosures(Dictionary<string, string[]> parents)
    {
        var closures = new Dictionary<string, string[]>(parents.Count, StringComparer.Ordinal);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var current = new List<string>();
        var next = new List<string>();
        var found = new List<string>();
        foreach (var (name, direct) in parents)
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

                    foreach (var p in parents.TryGetValue(role, out var up) ? up : [])
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
