using System.Collections.Immutable;
using ConfigResolver.Authorization.Diagnostics;
using ConfigResolver.Authorization.Loading;
using ConfigResolver.Diagnostics;
using ConfigResolver.Policy.Conditions;

namespace ConfigResolver.Authorization.Compilation;

/// <summary>
/// Stage 3b (cross-reference and compile rule packages): package names, same-name alternatives, conditions through
/// the engine's <see cref="ConditionCompiler"/> (unknown names, fields, functions and syntax at their line and
/// column), reason templates, and the overlay rule: an organization overlay may add deny rules freely, but allow
/// rules only for actions a base package lists in <c>overridable_actions</c>, and never <c>default: allow</c>.
/// </summary>
internal static class RulesCompiler
{
    public static ImmutableArray<CompiledPackage> Compile(IReadOnlyList<RulesDocument> documents, ConditionCompiler conditions, ICollection<Diagnostic> diagnostics)
    {
        var overridable = documents.Where(static d => d.OverlayOrganization is null)
            .SelectMany(static d => d.OverridableActions)
            .Select(static a => new SelectorGlob(a.Value))
            .ToList();
        var packageNames = new Dictionary<(string?, string), Located>();
        var packages = ImmutableArray.CreateBuilder<CompiledPackage>();
        foreach (var document in documents)
        {
            var key = (document.OverlayOrganization, document.Package.Value);
            if (packageNames.TryGetValue(key, out var first))
            {
                diagnostics.Add(document.Package.Error(AuthorizationDiagnosticCodes.DuplicateName,
                    $"package '{document.Package.Value}' is already declared at {first.Where}; a package lives in one file."));
            }
            else
            {
                packageNames[key] = document.Package;
            }

            if (document.OverlayOrganization is { } org)
            {
                CheckOverlay(document, org, overridable, diagnostics);
            }

            packages.Add(new CompiledPackage(
                document.Package.Value, document.File, document.DefaultAllows, document.OverlayOrganization, CompileRules(document, conditions, diagnostics)));
        }

        return packages.ToImmutable();
    }

    private static ImmutableArray<CompiledRule> CompileRules(RulesDocument document, ConditionCompiler conditions, ICollection<Diagnostic> diagnostics)
    {
        var effects = new Dictionary<string, (bool IsDeny, Located Name)>(StringComparer.Ordinal);
        var rules = ImmutableArray.CreateBuilder<CompiledRule>();
        foreach (var rule in document.Rules)
        {
            if (effects.TryGetValue(rule.Name.Value, out var earlier) && earlier.IsDeny != rule.IsDeny)
            {
                diagnostics.Add(rule.Name.Error(AuthorizationDiagnosticCodes.ConflictingAlternatives,
                    $"rule '{rule.Name.Value}' is declared at {earlier.Name.Where} with effect '{Effect(earlier.IsDeny)}'; rules with one name are alternatives and need one effect, found '{Effect(rule.IsDeny)}'."));
            }
            else
            {
                effects.TryAdd(rule.Name.Value, (rule.IsDeny, rule.Name));
            }

            var when = ImmutableArray.CreateBuilder<CompiledCondition>();
            foreach (var text in rule.When)
            {
                if (conditions.Compile(text.Value, text.File, text.Line, text.Column, diagnostics) is { } compiled)
                {
                    when.Add(compiled);
                }
            }

            rules.Add(new CompiledRule(
                document.Package.Value, rule.Name.Value, rule.IsDeny, rule.Name.File, rule.Name.Line, rule.Name.Column, document.OverlayOrganization,
                [.. rule.Actions.Select(static a => new SelectorGlob(a.Value))],
                [.. rule.Resources.Select(static r => new SelectorGlob(r.Value))],
                when.ToImmutable(),
                rule.Reason is { } reason ? ReasonTemplate.Compile(reason, diagnostics) : null));
        }

        return rules.ToImmutable();
    }

    private static void CheckOverlay(RulesDocument document, string org, List<SelectorGlob> overridable, ICollection<Diagnostic> diagnostics)
    {
        if (document.DefaultAllows)
        {
            diagnostics.Add(document.Default.Error(AuthorizationDiagnosticCodes.OverlayWidens,
                $"an overlay for organization '{org}' cannot set 'default: allow'; it may narrow access with deny rules and widen it only with allow rules for overridable actions."));
        }

        foreach (var listed in document.OverridableActions)
        {
            diagnostics.Add(listed.Error(AuthorizationDiagnosticCodes.InvalidOverlay, "only base packages may declare 'overridable_actions'; an overlay cannot widen what it may widen."));
        }

        var allowed = overridable.Count == 0 ? "no base package lists any" : "base packages list " + RolesCompiler.Quote(overridable.Select(static g => g.Pattern));
        foreach (var rule in document.Rules.Where(static r => !r.IsDeny))
        {
            if (rule.Actions.IsEmpty)
            {
                diagnostics.Add(rule.Name.Error(AuthorizationDiagnosticCodes.OverlayWidens,
                    $"the overlay allow rule '{rule.Name.Value}' must name its actions, and each must be overridable ({allowed})."));
                continue;
            }

            foreach (var action in rule.Actions)
            {
                var glob = new SelectorGlob(action.Value);
                if (!overridable.Any(glob.IsCoveredBy))
                {
                    diagnostics.Add(action.Error(AuthorizationDiagnosticCodes.OverlayWidens,
                        $"the overlay allow rule '{rule.Name.Value}' widens '{action.Value}', which is not overridable; {allowed} in 'overridable_actions'."));
                }
            }
        }
    }

    private static string Effect(bool isDeny) => isDeny ? "deny" : "allow";
}
