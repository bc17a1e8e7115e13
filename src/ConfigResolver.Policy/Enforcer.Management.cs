using ConfigResolver.Diagnostics;
using ConfigResolver.Policy.Compilation;
using ConfigResolver.Policy.Diagnostics;

namespace ConfigResolver.Policy;

public sealed partial class Enforcer
{
    /// <summary>The rules of type <c>p</c>, in evaluation order.</summary>
    /// <returns>Copies of the rules.</returns>
    public IReadOnlyList<IReadOnlyList<string>> GetPolicy() => GetNamedPolicy("p");

    /// <summary>The rules of a policy type, in evaluation order.</summary>
    /// <param name="ptype">Policy type, e.g. <c>p2</c>.</param>
    /// <returns>Copies of the rules.</returns>
    public IReadOnlyList<IReadOnlyList<string>> GetNamedPolicy(string ptype) => Copy(_snapshot.RulesOf(ptype).Items);

    /// <summary>Rules of type <c>p</c> whose fields from <paramref name="fieldIndex"/> on equal <paramref name="fieldValues"/> (an empty value matches anything).</summary>
    /// <param name="fieldIndex">First field compared.</param>
    /// <param name="fieldValues">Values compared, in order.</param>
    /// <returns>Matching rules.</returns>
    public IReadOnlyList<IReadOnlyList<string>> GetFilteredPolicy(int fieldIndex, params string[] fieldValues) => GetFilteredNamedPolicy("p", fieldIndex, fieldValues);

    /// <summary>Filtered rules of a policy type; see <see cref="GetFilteredPolicy"/>.</summary>
    /// <param name="ptype">Policy type.</param>
    /// <param name="fieldIndex">First field compared.</param>
    /// <param name="fieldValues">Values compared.</param>
    /// <returns>Matching rules.</returns>
    public IReadOnlyList<IReadOnlyList<string>> GetFilteredNamedPolicy(string ptype, int fieldIndex, params string[] fieldValues) =>
        Copy(_snapshot.RulesOf(ptype).Items.Where(r => MatchesFilter(r, fieldIndex, fieldValues)));

    /// <summary>Whether a rule of type <c>p</c> exists.</summary>
    /// <param name="rule">The rule's fields.</param>
    /// <returns>Whether it exists.</returns>
    public bool HasPolicy(params string[] rule) => HasNamedPolicy("p", rule);

    /// <summary>Whether a rule of the given type exists.</summary>
    /// <param name="ptype">Policy type.</param>
    /// <param name="rule">The rule's fields.</param>
    /// <returns>Whether it exists.</returns>
    public bool HasNamedPolicy(string ptype, params string[] rule) => _snapshot.RulesOf(ptype).Contains(rule);

    /// <summary>Adds a rule of type <c>p</c>.</summary>
    /// <param name="rule">The rule's fields.</param>
    /// <returns><see langword="false"/> when it already existed (nothing changes).</returns>
    /// <exception cref="PolicyCompilationException">The rule has the wrong number of fields.</exception>
    public bool AddPolicy(params string[] rule) => AddNamedPolicy("p", rule);

    /// <summary>Adds a rule of the given policy type.</summary>
    /// <param name="ptype">Policy type.</param>
    /// <param name="rule">The rule's fields.</param>
    /// <returns><see langword="false"/> when it already existed.</returns>
    /// <exception cref="PolicyCompilationException">The type is unknown or the rule has the wrong size.</exception>
    public bool AddNamedPolicy(string ptype, params string[] rule) => AddRules(ptype, [rule]);

    /// <summary>Adds several rules of type <c>p</c> at once: if any already exists, none is added (as in Casbin).</summary>
    /// <param name="rules">The rules.</param>
    /// <returns>Whether they were added.</returns>
    /// <exception cref="PolicyCompilationException">A rule is malformed; nothing changes.</exception>
    public bool AddPolicies(IEnumerable<string[]> rules) => AddNamedPolicies("p", rules);

    /// <summary>Adds several rules of a policy type at once; see <see cref="AddPolicies"/>.</summary>
    /// <param name="ptype">Policy type.</param>
    /// <param name="rules">The rules.</param>
    /// <returns>Whether they were added.</returns>
    public bool AddNamedPolicies(string ptype, IEnumerable<string[]> rules) => AddRules(ptype, [.. rules]);

    /// <summary>Removes a rule of type <c>p</c>.</summary>
    /// <param name="rule">The rule's fields.</param>
    /// <returns>Whether it existed.</returns>
    public bool RemovePolicy(params string[] rule) => RemoveNamedPolicy("p", rule);

    /// <summary>Removes a rule of the given policy type.</summary>
    /// <param name="ptype">Policy type.</param>
    /// <param name="rule">The rule's fields.</param>
    /// <returns>Whether it existed.</returns>
    public bool RemoveNamedPolicy(string ptype, params string[] rule) => RemoveRules(ptype, [rule]);

    /// <summary>Removes several rules of type <c>p</c> in one change.</summary>
    /// <param name="rules">The rules.</param>
    /// <returns>Whether any existed.</returns>
    public bool RemovePolicies(IEnumerable<string[]> rules) => RemoveNamedPolicies("p", rules);

    /// <summary>Removes several rules of a policy type in one change.</summary>
    /// <param name="ptype">Policy type.</param>
    /// <param name="rules">The rules.</param>
    /// <returns>Whether any existed.</returns>
    public bool RemoveNamedPolicies(string ptype, IEnumerable<string[]> rules) => RemoveRules(ptype, [.. rules]);

    /// <summary>Removes the rules of type <c>p</c> matched by a field filter (see <see cref="GetFilteredPolicy"/>).</summary>
    /// <param name="fieldIndex">First field compared.</param>
    /// <param name="fieldValues">Values compared.</param>
    /// <returns>Whether any rule was removed.</returns>
    public bool RemoveFilteredPolicy(int fieldIndex, params string[] fieldValues) => RemoveFilteredNamedPolicy("p", fieldIndex, fieldValues);

    /// <summary>Removes the rules of a policy type matched by a field filter.</summary>
    /// <param name="ptype">Policy type.</param>
    /// <param name="fieldIndex">First field compared.</param>
    /// <param name="fieldValues">Values compared.</param>
    /// <returns>Whether any rule was removed.</returns>
    /// <exception cref="ArgumentException">No field value is given (as in Go casbin, rather than removing every rule).</exception>
    public bool RemoveFilteredNamedPolicy(string ptype, int fieldIndex, params string[] fieldValues)
    {
        ArgumentNullException.ThrowIfNull(fieldValues);
        if (fieldValues.Length == 0)
        {
            throw new ArgumentException("fieldValues requires at least one value; pass empty strings to match any value explicitly.", nameof(fieldValues));
        }

        return ChangeRules(ptype, list => list.RemoveWhere(r => MatchesFilter(r, fieldIndex, fieldValues)));
    }

    /// <summary>Replaces a rule of type <c>p</c> in place.</summary>
    /// <param name="oldRule">The rule to replace.</param>
    /// <param name="newRule">Its replacement.</param>
    /// <returns>Whether the old rule existed (and the new one did not).</returns>
    public bool UpdatePolicy(string[] oldRule, string[] newRule) => UpdateNamedPolicy("p", oldRule, newRule);

    /// <summary>Replaces a rule of the given policy type in place.</summary>
    /// <param name="ptype">Policy type.</param>
    /// <param name="oldRule">The rule to replace.</param>
    /// <param name="newRule">Its replacement.</param>
    /// <returns>Whether the old rule existed (and the new one did not).</returns>
    public bool UpdateNamedPolicy(string ptype, string[] oldRule, string[] newRule)
    {
        ArgumentNullException.ThrowIfNull(oldRule);
        ArgumentNullException.ThrowIfNull(newRule);
        RequireSize(ptype, newRule);
        return ChangeRules(ptype, list => list.Update(oldRule, newRule));
    }

    private bool AddRules(string ptype, string[][] rules)
    {
        foreach (var rule in rules)
        {
            ArgumentNullException.ThrowIfNull(rule);
            RequireSize(ptype, rule);
        }

        var definition = _snapshot.Model.PolicyDefinitions.GetValueOrDefault(ptype);
        return ChangeRules(ptype, list => definition is null
            ? list.AddAllOrNone(rules)
            : list.AddAllOrNone(rules, (builder, rule) => RuleOrdering.PriorityInsertIndex(builder, rule, definition)));
    }

    private bool RemoveRules(string ptype, string[][] rules) => ChangeRules(ptype, list => list.RemoveAll(rules));

    /// <summary>Applies a change to one rule type; publishes a new snapshot only when the list changed.</summary>
    private bool ChangeRules(string ptype, Func<RuleList, RuleList> change)
    {
        RequireType(ptype);
        var changed = false;
        Publish(s =>
        {
            var next = PolicySnapshotChanges.WithRuleChange(s, ptype, change);
            changed = !ReferenceEquals(next, s);
            return next;
        });
        return changed;
    }

    private void RequireType(string ptype)
    {
        ArgumentNullException.ThrowIfNull(ptype);
        var model = _snapshot.Model;
        if (!model.PolicyDefinitions.ContainsKey(ptype) && !model.RoleDefinitions.ContainsKey(ptype))
        {
            var known = model.PolicyDefinitions.Keys.Concat(model.RoleDefinitions.Keys).Order(StringComparer.Ordinal);
            throw new PolicyCompilationException([new Diagnostic(PolicyDiagnosticCodes.UnknownPolicyType,
                $"unknown policy type '{ptype}'; expected one of {string.Join(", ", known.Select(static k => $"'{k}'"))}.", _policySource)]);
        }
    }

    private void RequireSize(string ptype, string[] rule)
    {
        RequireType(ptype);
        if (LineValidation.CheckSize(_snapshot.Model, ptype, rule) is { } problem)
        {
            throw new PolicyCompilationException([new Diagnostic(PolicyDiagnosticCodes.PolicyFieldCount, problem, _policySource)]);
        }
    }

    private static bool MatchesFilter(string[] rule, int fieldIndex, string[] fieldValues)
    {
        for (var i = 0; i < fieldValues.Length; i++)
        {
            var value = fieldValues[i];
            if (value.Length == 0)
            {
                continue;
            }

            var at = fieldIndex + i;
            if (at >= rule.Length || !string.Equals(rule[at], value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static IReadOnlyList<IReadOnlyList<string>> Copy(IEnumerable<string[]> rules) => [.. rules.Select(static r => (IReadOnlyList<string>)[.. r])];
}
