using System.Collections.Concurrent;

namespace ConfigResolver.Policy.Roles;

/// <summary>
/// The role links of one domain (or of a role definition without domains): who inherits which role.
/// Immutable once built; safe for concurrent readers.
/// </summary>
internal sealed class RoleGraph
{
    public static readonly RoleGraph Empty = new([]);

    private readonly Dictionary<string, string[]> _parents;
    private readonly Dictionary<string, string[]> _children;
    private readonly string[] _names;

    // Pattern relations among stored names, filled lazily per matching function (see RoleManager).
    private readonly ConcurrentDictionary<string, string[]> _matched = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string[]> _matchedBy = new(StringComparer.Ordinal);

    public RoleGraph(IEnumerable<(string User, string Role)> links)
    {
        var parents = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var children = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (user, role) in links)
        {
            Add(parents, user, role);
            Add(children, role, user);
            if (seen.Add(user))
            {
                names.Add(user);
            }

            if (seen.Add(role))
            {
                names.Add(role);
            }
        }

        _parents = parents.ToDictionary(static kv => kv.Key, static kv => kv.Value.ToArray(), StringComparer.Ordinal);
        _children = children.ToDictionary(static kv => kv.Key, static kv => kv.Value.ToArray(), StringComparer.Ordinal);
        _names = [.. names];
        LinkCount = parents.Values.Sum(static l => l.Count);
    }

    /// <summary>Every name that appears in a link, in first-seen order.</summary>
    public IReadOnlyList<string> Names => _names;

    public int LinkCount { get; }

    public bool Contains(string name) => _parents.ContainsKey(name) || _children.ContainsKey(name);

    public string[] ParentsOf(string name) => _parents.TryGetValue(name, out var p) ? p : [];

    public string[] ChildrenOf(string name) => _children.TryGetValue(name, out var c) ? c : [];

    public IEnumerable<(string User, string Role)> Links =>
        _parents.SelectMany(static kv => kv.Value.Select(r => (kv.Key, r)));

    /// <summary>Stored names <c>y</c> (other than <paramref name="pattern"/>) that <paramref name="pattern"/> matches: <c>fn(y, pattern)</c>.</summary>
    public string[] Matched(string pattern, Func<string, string, bool> fn) =>
        Contains(pattern)
            ? _matched.GetOrAdd(pattern, p => [.. _names.Where(y => y != p && fn(y, p))])
            : [.. _names.Where(y => y != pattern && fn(y, pattern))];

    /// <summary>Stored patterns <c>y</c> (other than <paramref name="name"/>) that match <paramref name="name"/>: <c>fn(name, y)</c>.</summary>
    public string[] MatchedBy(string name, Func<string, string, bool> fn) =>
        Contains(name)
            ? _matchedBy.GetOrAdd(name, n => [.. _names.Where(y => y != n && fn(n, y))])
            : [.. _names.Where(y => y != name && fn(name, y))];

    private static void Add(Dictionary<string, List<string>> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }

        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }
}
