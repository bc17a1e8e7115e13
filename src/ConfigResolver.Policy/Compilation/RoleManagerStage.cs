using System.Collections.Frozen;
using System.Globalization;
using ConfigResolver.Diagnostics;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Policy.Model;
using ConfigResolver.Policy.Roles;

namespace ConfigResolver.Policy.Compilation;

/// <summary>
/// The BuildRoleManagers stage: one <see cref="RoleManager"/> per role definition, with the named matching functions
/// and the automatic keyMatch domain matching Go switches on, and the cycle check Go's default detector makes.
/// </summary>
internal static class RoleManagerStage
{
    public static RoleManager[] BuildAll(CompiledModel compiled, FrozenDictionary<string, RuleList> rules, EnforcerSettings settings,
        string? policySource, IReadOnlyList<PolicyLine>? lineOf, List<Diagnostic> diagnostics) =>
        [.. compiled.RoleKeys.Select(key => Build(compiled, key, rules.GetValueOrDefault(key) ?? RuleList.Empty, settings, policySource, lineOf, diagnostics))];

    public static RoleManager Build(CompiledModel compiled, string key, RuleList rules, EnforcerSettings settings,
        string? policySource, IReadOnlyList<PolicyLine>? lineOf, List<Diagnostic> diagnostics)
    {
        var definition = compiled.Model.RoleDefinitions[key];
        settings.NameMatchers.TryGetValue(key, out var nameMatcher);
        if (!settings.DomainMatchers.TryGetValue(key, out var domainMatcher) && definition.HasDomains)
        {
            domainMatcher = AutomaticDomainMatcher(compiled);
        }

        return CheckCycle(RoleManager.Build(definition, rules.Items, nameMatcher, domainMatcher), key, policySource, lineOf, diagnostics);
    }

    /// <summary>
    /// Refuses a cycle among the links of a role definition without domains (POL1104), naming the cycle and, when the
    /// lines are known, the line of the link that closes it. With <paramref name="onlyThrough"/>, only cycles through
    /// those (newly added) links are searched.
    /// </summary>
    public static RoleManager CheckCycle(RoleManager manager, string key, string? policySource, IReadOnlyList<PolicyLine>? lineOf,
        List<Diagnostic> diagnostics, string[][]? onlyThrough = null)
    {
        if ((onlyThrough is null ? manager.FindCycle() : manager.FindCycleThrough(onlyThrough)) is { } cycle)
        {
            // The line of the link that closes the cycle, looked up only now that there is one.
            var line = lineOf?.FirstOrDefault(l => l.Type == key && l.Fields.Length >= 2 && l.Fields[0] == cycle[^2] && l.Fields[1] == cycle[^1])?.Line ?? 0;
            diagnostics.Add(new Diagnostic(
                PolicyDiagnosticCodes.RoleCycle,
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
