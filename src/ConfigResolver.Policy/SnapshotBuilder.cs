using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using ConfigResolver.Policy.Compilation;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Policy.Model;
using ConfigResolver.Policy.Roles;

namespace ConfigResolver.Policy;

/// <summary>
/// Builds snapshots. Stages, in order: validate rule types and sizes (collecting every problem); order rules as Go
/// casbin does at load (explicit <c>priority</c> column, then subject hierarchy for subjectPriority); build role
/// managers with their matching functions; refuse role cycles in definitions without domains.
/// </summary>
internal static class SnapshotBuilder
{
    public static PolicySnapshot Build(CompiledModel compiled, IReadOnlyList<PolicyLine> lines, string? policySource, EnforcerSettings settings, long revision)
    {
        var diagnostics = new List<Diagnostic>();
        var byType = ValidateLines(compiled.Model, lines, policySource, diagnostics);
        return diagnostics.Count > 0 ? throw new PolicyCompilationException(diagnostics) : Build(compiled, byType, lines, policySource, settings, revision);
    }

    /// <summary>Groups lines by type, checking types and sizes; problems go to <paramref name="diagnostics"/>.</summary>
    // Runs once per load: compile optimized straight away instead of through tiering (no tier-0 loops).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static Dictionary<string, List<string[]>> ValidateLines(PolicyModel model, IReadOnlyList<PolicyLine> lines, string? policySource, List<Diagnostic> diagnostics)
    {
        var byType = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        foreach (var key in model.PolicyDefinitions.Keys.Concat(model.RoleDefinitions.Keys))
        {
            byType[key] = [];
        }

        // One instance per distinct string (PolicyCsv already shares them; rules from elsewhere are pooled here):
        // less memory, and role closures compare to rule fields by reference.
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (!byType.TryGetValue(line.Type, out var list))
            {
                diagnostics.Add(new Diagnostic(
                    DiagnosticCodes.UnknownPolicyType,
                    $"unknown policy type '{line.Type}'; expected one of {string.Join(", ", byType.Keys.Order(StringComparer.Ordinal).Select(static k => $"'{k}'"))}.",
                    policySource,
                    line.Line,
                    1));
                continue;
            }

            // Lines from PolicyCsv already share their strings; their arrays are kept as they are. Other lines get
            // a pooled copy only when pooling changes something.
            var fields = System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsArray(line.Fields) ?? [];
            string[]? copy = null;
            for (var i = 0; i < fields.Length; i++)
            {
                var value = fields[i];
                var shared = pool.TryGetValue(value, out var existing) ? existing : pool[value] = value;
                if (!ReferenceEquals(shared, value))
                {
                    copy ??= (string[])fields.Clone();
                    copy[i] = shared;
                }
            }

            fields = copy ?? fields;

            if (CheckSize(model, line.Type, fields) is { } problem)
            {
                diagnostics.Add(new Diagnostic(DiagnosticCodes.PolicyFieldCount, problem, policySource, line.Line, 1));
                continue;
            }

            list.Add(fields);
        }

        return byType;
    }

    /// <summary>Orders validated rules as Go casbin does at load, builds role managers and the snapshot.</summary>
    // Runs once per load: compile optimized straight away instead of through tiering (no tier-0 loops).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static PolicySnapshot Build(CompiledModel compiled, Dictionary<string, List<string[]>> byType, IReadOnlyList<PolicyLine> lines,
        string? policySource, EnforcerSettings settings, long revision)
    {
        var model = compiled.Model;
        foreach (var (key, definition) in model.PolicyDefinitions)
        {
            byType[key] = RuleOrdering.SortByPriority(byType[key], definition);
        }

        if (model.Effects.TryGetValue("e", out var effect) && effect.Kind == EffectKind.SubjectPriority)
        {
            var links = byType.GetValueOrDefault("g") ?? [];
            foreach (var (key, definition) in model.PolicyDefinitions)
            {
                byType[key] = RuleOrdering.SortBySubjectHierarchy(byType[key], definition, links);
            }
        }

        var rules = byType.ToFrozenDictionary(static kv => kv.Key, static kv => RuleList.From(kv.Value), StringComparer.Ordinal);
        var managers = BuildRoleManagers(compiled, rules, settings, policySource, lines);
        return new PolicySnapshot(revision, compiled, rules, managers, settings, ImmutableArray<Diagnostic>.Empty);
    }

    /// <summary>The next snapshot after rule changes; only the role managers of changed role types are rebuilt.</summary>
    public static PolicySnapshot WithRules(PolicySnapshot previous, IReadOnlyDictionary<string, RuleList> changes, long revision)
    {
        var rules = previous.Rules.ToDictionary(StringComparer.Ordinal);
        foreach (var (key, list) in changes)
        {
            rules[key] = list;
        }

        var frozen = rules.ToFrozenDictionary(StringComparer.Ordinal);
        var managers = (RoleManager[])previous.RoleManagers.Clone();
        var diagnostics = new List<Diagnostic>();
        foreach (var key in changes.Keys)
        {
            if (previous.Compiled.RoleIndexes.TryGetValue(key, out var index))
            {
                var list = frozen[key];
                managers[index] = ReferenceEquals(list.Parent, previous.RulesOf(key))
                    ? CheckCycle(managers[index].WithChanges(list.Added, list.Removed), key, list, null, null, diagnostics, list.Added)
                    : BuildRoleManager(previous.Compiled, key, list, previous.Settings, null, null, diagnostics);
            }
        }

        if (diagnostics.Count > 0)
        {
            throw new PolicyCompilationException(diagnostics);
        }

        return new PolicySnapshot(revision, previous.Compiled, frozen, managers, previous.Settings, previous.Diagnostics, previous);
    }

    /// <summary>The next snapshot with other settings or another compiled model over the same rules.</summary>
    public static PolicySnapshot WithSettings(PolicySnapshot previous, CompiledModel compiled, EnforcerSettings settings, long revision)
    {
        var managers = BuildRoleManagers(compiled, previous.Rules, settings, null, null);
        return new PolicySnapshot(revision, compiled, previous.Rules, managers, settings, previous.Diagnostics);
    }

    /// <summary>The next snapshot with other evaluation switches (cache, index): rules, role managers and indexes are shared.</summary>
    public static PolicySnapshot WithFlags(PolicySnapshot previous, EnforcerSettings settings, long revision) =>
        new(revision, previous.Compiled, previous.Rules, previous.RoleManagers, settings, previous.Diagnostics, previous);

    /// <summary>Checks the field count of a rule against its definition; returns a message, or null when it fits.</summary>
    public static string? CheckSize(PolicyModel model, string type, string[] fields)
    {
        if (model.PolicyDefinitions.TryGetValue(type, out var p) && fields.Length != p.Tokens.Length)
        {
            return $"policy rule of type '{type}' has {fields.Length} fields; expected {p.Tokens.Length} ({string.Join(", ", p.Tokens)}).";
        }

        if (model.RoleDefinitions.TryGetValue(type, out var g))
        {
            if (fields.Length < g.ArgumentCount)
            {
                return $"grouping rule of type '{type}' has {fields.Length} fields; expected at least {g.ArgumentCount} ('{g.Text}').";
            }

            if (g.ArgumentCount > 3)
            {
                return $"role definition '{type}' has {g.ArgumentCount} placeholders; a grouping rule may carry at most one domain.";
            }
        }

        return null;
    }

    private static RoleManager[] BuildRoleManagers(CompiledModel compiled, FrozenDictionary<string, RuleList> rules, EnforcerSettings settings,
        string? policySource, IReadOnlyList<PolicyLine>? lineOf)
    {
        var diagnostics = new List<Diagnostic>();
        var managers = compiled.RoleKeys
            .Select(key => BuildRoleManager(compiled, key, rules.GetValueOrDefault(key) ?? RuleList.Empty, settings, policySource, lineOf, diagnostics))
            .ToArray();
        if (diagnostics.Count > 0)
        {
            throw new PolicyCompilationException(diagnostics);
        }

        return managers;
    }

    private static RoleManager BuildRoleManager(CompiledModel compiled, string key, RuleList rules, EnforcerSettings settings,
        string? policySource, IReadOnlyList<PolicyLine>? lineOf, List<Diagnostic> diagnostics)
    {
        var definition = compiled.Model.RoleDefinitions[key];
        settings.NameMatchers.TryGetValue(key, out var nameMatcher);
        if (!settings.DomainMatchers.TryGetValue(key, out var domainMatcher) && definition.HasDomains)
        {
            domainMatcher = AutomaticDomainMatcher(compiled);
        }

        return CheckCycle(RoleManager.Build(definition, rules.Items, nameMatcher, domainMatcher), key, rules, policySource, lineOf, diagnostics);
    }

    private static RoleManager CheckCycle(RoleManager manager, string key, RuleList rules, string? policySource, IReadOnlyList<PolicyLine>? lineOf,
        List<Diagnostic> diagnostics, string[][]? onlyThrough = null)
    {
        if ((onlyThrough is null ? manager.FindCycle() : manager.FindCycleThrough(onlyThrough)) is { } cycle)
        {
            // The line of the link that closes the cycle, looked up only now that there is one.
            var line = lineOf?.FirstOrDefault(l => l.Type == key && l.Fields.Length >= 2 && l.Fields[0] == cycle[^2] && l.Fields[1] == cycle[^1])?.Line ?? 0;
            diagnostics.Add(new Diagnostic(
                DiagnosticCodes.RoleCycle,
                $"role links of '{key}' form a cycle: {string.Join(" -> ", cycle)}; expected a hierarchy without cycles (role definitions without domains are checked, as Go casbin does).",
                policySource,
                line,
                line > 0 ? 1 : 0));
        }

        return manager;
    }

    /// <summary>
    /// Go casbin switches keyMatch domain matching on by itself when the default matcher contains
    /// <c>keyMatch(r_X, p_Y)</c> for the second request and policy tokens.
    /// </summary>
    private static Func<string, string, bool>? AutomaticDomainMatcher(CompiledModel compiled)
    {
        var model = compiled.Model;
        if (!model.Matchers.TryGetValue("m", out var m)
            || !model.RequestDefinitions.TryGetValue("r", out var r) || r.Tokens.Length < 2
            || !model.PolicyDefinitions.TryGetValue("p", out var p) || p.Tokens.Length < 2)
        {
            return null;
        }

        var call = string.Format(CultureInfo.InvariantCulture, "keyMatch(r_{0}, p_{1})", r.Tokens[1], p.Tokens[1]);
        return m.EscapedText.Contains(call, StringComparison.Ordinal) && compiled.Functions.TryGet("keyMatch", out var keyMatch)
            ? keyMatch.StringPredicate
            : null;
    }
}
