using System.Collections.Concurrent;
using ConfigResolver.Policy.Model;

namespace ConfigResolver.Policy.Roles;

/// <summary>
/// The role links of one role definition (<c>g</c>, <c>g2</c>, ...) in one snapshot, and the <c>g()</c> check.
/// Reproduces Go casbin's default role manager: a role is found through at most ten links; with a name
/// matching function, <c>g(a, b)</c> also holds when <c>fn(a, b)</c>, when a reached role <c>x</c> has
/// <c>fn(x, b)</c>, when a stored pattern that <c>a</c> matches has the role, and (one link further) when a
/// reached role is a pattern that <c>b</c> matches; with a domain matching function the links of every stored
/// domain pattern that the requested domain matches apply too. Immutable; safe for concurrent readers.
/// </summary>
internal sealed partial class RoleManager
{
    /// <summary>Go casbin's maximum hierarchy level: a role is found through at most this many links.</summary>
    public const int MaxHierarchyLevel = 10;

    private const int MergedDomainCacheCapacity = 4096;

    private readonly RoleGraph _global;
    private readonly Dictionary<string, RoleGraph> _domains;
    private readonly ConcurrentDictionary<string, RoleGraph> _merged = new(StringComparer.Ordinal);

    private RoleManager(RoleDefinition definition, RoleGraph global, Dictionary<string, RoleGraph> domains,
        Func<string, string, bool>? nameMatcher, Func<string, string, bool>? domainMatcher)
    {
        Definition = definition;
        _global = global;
        _domains = domains;
        NameMatcher = nameMatcher;
        DomainMatcher = domainMatcher;
    }

    public RoleDefinition Definition { get; }

    public Func<string, string, bool>? NameMatcher { get; }

    public Func<string, string, bool>? DomainMatcher { get; }

    /// <summary>Stored domains (empty for a definition without domains).</summary>
    public IEnumerable<string> Domains => _domains.Keys;

    /// <summary>Builds the manager from grouping rules (each with at least <see cref="RoleDefinition.ArgumentCount"/> fields).</summary>
    public static RoleManager Build(RoleDefinition definition, IEnumerable<string[]> rules,
        Func<string, string, bool>? nameMatcher, Func<string, string, bool>? domainMatcher)
    {
        if (!definition.HasDomains)
        {
            return new RoleManager(definition, new RoleGraph(rules.Select(static r => (r[0], r[1]))), [], nameMatcher, domainMatcher);
        }

        var byDomain = rules.GroupBy(static r => r[2], StringComparer.Ordinal)
            .ToDictionary(static g => g.Key, static g => new RoleGraph(g.Select(static r => (r[0], r[1]))), StringComparer.Ordinal);
        return new RoleManager(definition, RoleGraph.Empty, byDomain, nameMatcher, domainMatcher);
    }

    /// <summary>Returns a manager for the same links with other matching functions (links are re-indexed).</summary>
    public RoleManager WithMatchers(Func<string, string, bool>? nameMatcher, Func<string, string, bool>? domainMatcher) =>
        Build(Definition, AllLinks().Select(static l => l.Domain is null ? new[] { l.User, l.Role } : [l.User, l.Role, l.Domain]), nameMatcher, domainMatcher);

    /// <summary>Every stored link with its domain (null without domains).</summary>
    public IEnumerable<(string User, string Role, string? Domain)> AllLinks() =>
        Definition.HasDomains
            ? _domains.SelectMany(static kv => kv.Value.Links.Select(l => (l.User, l.Role, (string?)kv.Key)))
            : _global.Links.Select(static l => (l.User, l.Role, (string?)null));

    /// <summary>Casbin's <c>g(name1, name2[, domain])</c>.</summary>
    public bool HasLink(string name1, string name2, string? domain)
    {
        if (string.Equals(name1, name2, StringComparison.Ordinal) || (NameMatcher is not null && NameMatcher(name1, name2)))
        {
            return true;
        }

        var graph = GraphFor(domain);
        return NameMatcher is null ? Search(graph, name1, name2) : SearchWithPatterns(graph, name1, name2, NameMatcher);
    }

    /// <summary>The graph that applies in <paramref name="domain"/>: its own links plus those of matching domain patterns.</summary>
    public RoleGraph GraphFor(string? domain)
    {
        if (!Definition.HasDomains)
        {
            return _global;
        }

        var d = domain ?? string.Empty;
        if (DomainMatcher is null)
        {
            return _domains.TryGetValue(d, out var own) ? own : RoleGraph.Empty;
        }

        if (_merged.TryGetValue(d, out var merged))
        {
            return merged;
        }

        merged = MergeDomains(d, DomainMatcher);
        if (_merged.Count < MergedDomainCacheCapacity)
        {
            _merged.TryAdd(d, merged);
        }

        return merged;
    }

    private RoleGraph MergeDomains(string domain, Func<string, string, bool> fn)
    {
        var parts = _domains.Where(kv => kv.Key == domain || fn(domain, kv.Key)).Select(static kv => kv.Value).ToList();
        return parts.Count switch
        {
            0 => RoleGraph.Empty,
            1 => parts[0],
            _ => new RoleGraph(parts.SelectMany(static g => g.Links)),
        };
    }
}
