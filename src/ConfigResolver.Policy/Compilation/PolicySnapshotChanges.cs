using System.Collections.Frozen;
using ConfigResolver.Diagnostics;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Policy.Roles;

namespace ConfigResolver.Policy.Compilation;

/// <summary>
/// The next snapshot after a change, built from the current one off to the side: only what the change touches is
/// rebuilt (the role manager of a changed role type, incrementally where it can; the index of a changed policy
/// type), everything else is shared. A change that is refused throws before anything is published.
/// </summary>
internal static class PolicySnapshotChanges
{
    /// <summary>The next snapshot after rule changes; only the role managers of changed role types are rebuilt.</summary>
    /// <exception cref="PolicyCompilationException">A changed role type now has a cycle.</exception>
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
                    ? RoleManagerStage.CheckCycle(managers[index].WithChanges(list.Added, list.Removed), key, null, null, diagnostics, list.Added)
                    : RoleManagerStage.Build(previous.Compiled, key, list, previous.Settings, null, null, diagnostics);
            }
        }

        if (diagnostics.Count > 0)
        {
            throw new PolicyCompilationException(diagnostics);
        }

        return new PolicySnapshot(revision, previous.Compiled, frozen, managers, previous.Settings, previous.Diagnostics, previous);
    }

    /// <summary>
    /// The next snapshot after one change to the rules of <paramref name="type"/>, or <paramref name="previous"/> itself
    /// when <paramref name="change"/> returns the list unchanged.
    /// </summary>
    /// <exception cref="PolicyCompilationException">A changed role type now has a cycle.</exception>
    public static PolicySnapshot WithRuleChange(PolicySnapshot previous, string type, Func<RuleList, RuleList> change)
    {
        var before = previous.RulesOf(type);
        var after = change(before);
        return ReferenceEquals(before, after) ? previous : WithRules(previous, new Dictionary<string, RuleList> { [type] = after }, previous.Revision + 1);
    }

    /// <summary>
    /// The next snapshot after a batch of changes of any types, applied in order per type (types are independent), or
    /// <paramref name="previous"/> itself when nothing changed. One derived list per touched type, so each index and role
    /// manager is updated once for the whole batch.
    /// </summary>
    /// <exception cref="PolicyCompilationException">A changed role type now has a cycle.</exception>
    public static PolicySnapshot WithBatch(PolicySnapshot previous, IEnumerable<PolicyChange> changes)
    {
        var lists = new Dictionary<string, RuleList>(StringComparer.Ordinal);
        foreach (var byType in changes.GroupBy(static c => c.Type, StringComparer.Ordinal))
        {
            var before = previous.RulesOf(byType.Key);
            var definition = previous.Model.PolicyDefinitions.GetValueOrDefault(byType.Key);
            var after = before.Apply(byType, definition is null ? null : (items, rule) => RuleOrdering.PriorityInsertIndex(items, rule, definition));
            if (!ReferenceEquals(before, after))
            {
                lists[byType.Key] = after;
            }
        }

        return lists.Count == 0 ? previous : WithRules(previous, lists, previous.Revision + 1);
    }

    /// <summary>The next snapshot with other settings or another compiled model over the same rules.</summary>
    /// <exception cref="PolicyCompilationException">A role type has a cycle under the new matching functions.</exception>
    public static PolicySnapshot WithSettings(PolicySnapshot previous, CompiledModel compiled, EnforcerSettings settings, long revision)
    {
        var diagnostics = new List<Diagnostic>();
        var managers = RoleManagerStage.BuildAll(compiled, previous.Rules, settings, null, null, diagnostics);
        return diagnostics.Count > 0
            ? throw new PolicyCompilationException(diagnostics)
            : new PolicySnapshot(revision, compiled, previous.Rules, managers, settings, previous.Diagnostics);
    }

    /// <summary>The next snapshot with other evaluation switches (cache, index): rules, role managers and indexes are shared.</summary>
    public static PolicySnapshot WithFlags(PolicySnapshot previous, EnforcerSettings settings, long revision) =>
        new(revision, previous.Compiled, previous.Rules, previous.RoleManagers, settings, previous.Diagnostics, previous);
}
