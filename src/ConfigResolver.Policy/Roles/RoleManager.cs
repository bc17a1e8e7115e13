using System.Collections.Concurrent;
using ConfigResolver.Policy.Model;

namespace ConfigResolver.Policy.Roles;

/// <summary>
/// The role links of one role definition (<c>g</c>, <c>g2</c>, ...) in one snapshot, and the <c>g()</c> check.
/// Reproduces Go casbin's default role manager: a role is found through at most ten links; with a name
/// matching function, <c>g(a, b)</c> also holds when <c>fn(a, b)</c>, when a reached role <c>x</c> has
/// <c>fn(x, b)</c>, when a stored pattern that <c>a</c> matches has the role, and (one link further) when a
/// reached role is a pattern that <c>b</c> matches; with a domain matching function the links of every stored
/// domain pattern that the requested domain matches apply too. Without a name matching function every name's
/// role closure is precomputed, so <c>g()</c> is one lookup. Immutable; safe for concurrent readers.
/// </summary>
internal sealed partial class RoleManager
{
    /// <summary>Go casbin's maximum hierarchy level: a role is found through at most this many links.</summary>
    public const int MaxHierarchyLevel = 10;

    private const int MergedDomainCacheCapacity = 4096;

    private readonly RoleGraph _global;
    private static readonly Compilation.OverlayMap<string, RoleGraph> s_noDomains = Compilation.OverlayMap<string, RoleGraph>.Wrap(new(StringComparer.Ordinal));

    // Per domain; an overlay map, so a link change replaces the touched domains' graphs without copying the others.
    private readonly Compilation.OverlayMap<string, RoleGraph> _domains;
    private readonly ConcurrentDictionary<string, RoleGraph> _merged = new(StringComparer.Ordinal);

    // Exact names and no domain patterns: every closure in one flat table (the common, hot case).
    private readonly ClosureTable? _closures;

    private RoleManager(RoleDefinition definition, RoleGraph global, Compilation.OverlayMap<string, RoleGraph> domains,
        Func<string, string, bool>? nameMatcher, Func<string, string, bool>? domainMatcher, ClosureTable? closures = null)
    {
        Definition = definition;
        _global = global;
        _domains = domains;
        NameMatcher = nameMatcher;
        DomainMatcher = domainMatcher;
        if (nameMatcher is null && domainMatcher is null)
        {
            _closures = closures ?? (definition.HasDomains
                ? ClosureTable.Build(domains.Pairs.Select(static kv => (kv.Key, kv.Value)))
                : ClosureTable.Build([(string.Empty, global)]));
        }
    }

    public RoleDefinition Definition { get; }

    public Func<string, string, bool>? NameMatcher { get; }

    public Func<string, string, bool>? DomainMatcher { get; }

    /// <summary>Stored domains (empty for a definition without domains).</summary>
    public IEnumerable<string> Domains => _domains.Keys;

    private bool Exact => NameMatcher is null;

    /// <summary>Builds the manager from grouping rules (each with at least <see cref="RoleDefinition.ArgumentCount"/> fields).</summary>
    // Runs once per load: compile optimized straight away instead of through tiering (no tier-0 loops).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static RoleManager Build(RoleDefinition definition, IEnumerable<string[]> rules,
        Func<string, string, bool>? nameMatcher, Func<string, string, bool>? domainMatcher)
    {
        var exact = nameMatcher is null;
        if (!definition.HasDomains)
        {
            return new RoleManager(definition, new RoleGraph(rules.Select(static r => (r[0], r[1])), exact), s_noDomains, nameMatcher, domainMatcher);
        }

        var byDomain = rules.GroupBy(static r => r[2], StringComparer.Ordinal)
            .ToDictionary(static g => g.Key, g => new RoleGraph(g.Select(static r => (r[0], r[1])), exact), StringComparer.Ordinal);
        return new RoleManager(definition, RoleGraph.Empty, Compilation.OverlayMap<string, RoleGraph>.Wrap(byDomain), nameMatcher, domainMatcher);
    }

    /// <summary>
    /// The manager after some links were removed and added. With exact names and no domain patterns (precomputed
    /// closures) only the touched names' links and the closures that can change are replaced (see
    /// <see cref="RoleGraph.WithChanges"/>); otherwise the graphs of affected domains are rebuilt.
    /// </summary>
    public RoleManager WithChanges(IReadOnlyCollection<string[]> added, IReadOnlyCollection<string[]> removed)
    {
        if (_closures is { } table)
        {
            return WithClosureChanges(table, added, removed);
        }

        if (!Definition.HasDomains)
        {
            return new RoleManager(Definition, Apply(_global, added, removed, static _ => true), s_noDomains, NameMatcher, DomainMatcher);
        }

        var domains = new List<KeyValuePair<string, RoleGraph?>>();
        foreach (var domain in added.Concat(removed).Select(static r => r[2]).Distinct(StringComparer.Ordinal))
        {
            var graph = Apply(_domains.GetValueOrDefault(domain) ?? RoleGraph.Empty, added, removed, r => r[2] == domain);
            domains.Add(KeyValuePair.Create(domain, graph.LinkCount == 0 ? null : graph));
        }

        return new RoleManager(Definition, RoleGraph.Empty, _domains.SetItems(domains), NameMatcher, DomainMatcher);
    }

    private RoleManager WithClosureChanges(ClosureTable table, IReadOnlyCollection<string[]> added, IReadOnlyCollection<string[]> removed)
    {
        var closures = new List<(string Name, string[] Closure)>();
        if (!Definition.HasDomains)
        {
            var global = _global.WithChanges(removed.Select(static r => (r[0], r[1])), added.Select(static r => (r[0], r[1])), closures);
            return new RoleManager(Definition, global, s_noDomains, null, null, table.WithClosures([.. closures.Select(static c => (string.Empty, c.Name, c.Closure))]));
        }

        var domains = new List<KeyValuePair<string, RoleGraph?>>();
        var changes = new List<(string Domain, string Name, string[] Closure)>();
        var removedByDomain = removed.ToLookup(static r => r[2], StringComparer.Ordinal);
        var addedByDomain = added.ToLookup(static r => r[2], StringComparer.Ordinal);
        foreach (var domain in removedByDomain.Select(static g => g.Key).Concat(addedByDomain.Select(static g => g.Key)).Distinct(StringComparer.Ordinal))
        {
            closures.Clear();
            var graph = (_domains.GetValueOrDefault(domain) ?? RoleGraph.Empty)
                .WithChanges(removedByDomain[domain].Select(static r => (r[0], r[1])), addedByDomain[domain].Select(static r => (r[0], r[1])), closures);
            domains.Add(KeyValuePair.Create(domain, graph.LinkCount == 0 ? null : graph));
            changes.AddRange(closures.Select(c => (domain, c.Name, c.Closure)));
        }

        return new RoleManager(Definition, RoleGraph.Empty, _domains.SetItems(domains), null, null, table.WithClosures(changes));
    }

    /// <summary>Every stored link with its domain (null without domains).</summary>
    public IEnumerable<(string User, string Role, string? Domain)> AllLinks() =>
        Definition.HasDomains
            ? _domains.Pairs.SelectMany(static kv => kv.Value.Links.Select(l => (l.User, l.Role, (string?)kv.Key)))
            : _global.Links.Select(static l => (l.User, l.Role, (string?)null));

    /// <summary>Casbin's <c>g(name1, name2[, domain])</c>.</summary>
    public bool HasLink(string name1, string name2, string? domain)
    {
        if (string.Equals(name1, name2, StringComparison.Ordinal))
        {
            return true;
        }

        if (Exact)
        {
            return Contains(ClosureOf(name1, domain), name2);
        }

        return NameMatcher!(name1, name2) || SearchWithPatterns(GraphFor(domain), name1, name2, NameMatcher);
    }

    /// <summary>The roles <paramref name="user"/> reaches (not itself); only without a name matching function.</summary>
    public string[] ClosureOf(string user, string? domain) =>
        _closures is { } table
            ? table.ClosureOf(Definition.HasDomains ? domain ?? string.Empty : string.Empty, user)
            : GraphFor(domain).ClosureOf(user);

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

    public static bool Contains(string[] names, string value)
    {
        foreach (var name in names)
        {
            if (ReferenceEquals(name, value) || string.Equals(name, value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private RoleGraph Apply(RoleGraph graph, IReadOnlyCollection<string[]> added, IReadOnlyCollection<string[]> removed, Func<string[], bool> inScope)
    {
        var gone = removed.Where(inScope).Select(static r => (r[0], r[1])).ToHashSet();
        var links = graph.Links.Where(l => !gone.Contains(l)).Concat(added.Where(inScope).Select(static r => (r[0], r[1])));
        return new RoleGraph(links, Exact);
    }

    private RoleGraph MergeDomains(string domain, Func<string, string, bool> fn)
    {
        var parts = _domains.Pairs.Where(kv => kv.Key == domain || fn(domain, kv.Key)).Select(static kv => kv.Value).ToList();
        return parts.Count switch
        {
            0 => RoleGraph.Empty,
            1 => parts[0],
            _ => new RoleGraph(parts.SelectMany(static g => g.Links), Exact),
        };
    }
}
