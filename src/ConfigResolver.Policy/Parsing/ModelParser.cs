using System.Collections.Frozen;
using System.Collections.Immutable;
using ConfigResolver.Diagnostics;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Policy.Model;

namespace ConfigResolver.Policy.Parsing;

/// <summary>
/// Stage 1 for models: reads the <c>.conf</c> entries (<see cref="ConfParser"/>) into a <see cref="PolicyModel"/>, section
/// by section as Go casbin's model loader does: numbered keys up to the first gap, role definitions checked, effects
/// recognised by their exact text, the four required sections present.
/// </summary>
internal static class ModelParser
{
    private static readonly (string Prefix, string Section)[] s_sections =
    [
        ("r", "request_definition"),
        ("p", "policy_definition"),
        ("g", "role_definition"),
        ("e", "policy_effect"),
        ("m", "matchers"),
    ];

    /// <summary>Parses model text, adding every problem to <paramref name="diagnostics"/>; the model holds what did parse.</summary>
    public static PolicyModel Parse(string text, string? sourceName, List<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = ConfParser.Parse(text, sourceName, diagnostics);

        // Later duplicates replace earlier ones, as in casbin's config reader.
        var lookup = new Dictionary<(string Section, string Key), ConfEntry>();
        foreach (var entry in entries)
        {
            lookup[(entry.Section, entry.Key)] = entry;
        }

        var requests = new Dictionary<string, TokenDefinition>(StringComparer.Ordinal);
        var policies = new Dictionary<string, TokenDefinition>(StringComparer.Ordinal);
        var roles = new Dictionary<string, RoleDefinition>(StringComparer.Ordinal);
        var effects = new Dictionary<string, EffectDefinition>(StringComparer.Ordinal);
        var matchers = new Dictionary<string, MatcherDefinition>(StringComparer.Ordinal);

        foreach (var (prefix, section) in s_sections)
        {
            // Keys are read in order (r, r2, r3 ...) and reading stops at the first gap, as casbin does.
            for (var i = 1; ; i++)
            {
                var key = i == 1 ? prefix : prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (!lookup.TryGetValue((section, key), out var entry) || entry.Value.Length == 0)
                {
                    break;
                }

                switch (prefix)
                {
                    case "r":
                        requests[key] = ToTokens(entry);
                        break;
                    case "p":
                        policies[key] = ToTokens(entry);
                        break;
                    case "g":
                        AddRole(entry, roles, sourceName, diagnostics);
                        break;
                    case "e":
                        AddEffect(entry, effects, sourceName, diagnostics);
                        break;
                    default:
                        matchers[key] = new MatcherDefinition(key, CasbinText.RemoveComment(entry.Value), entry.ValueMap);
                        break;
                }
            }
        }

        RequireSection(requests.Count, "request_definition", "r = sub, obj, act", sourceName, diagnostics);
        RequireSection(policies.Count, "policy_definition", "p = sub, obj, act", sourceName, diagnostics);
        RequireSection(effects.Count + CountRejectedEffects(lookup), "policy_effect", "e = some(where (p.eft == allow))", sourceName, diagnostics);
        RequireSection(matchers.Count, "matchers", "m = r.sub == p.sub && r.obj == p.obj && r.act == p.act", sourceName, diagnostics);

        return new PolicyModel(
            sourceName,
            text,
            requests.ToFrozenDictionary(StringComparer.Ordinal),
            policies.ToFrozenDictionary(StringComparer.Ordinal),
            roles.ToFrozenDictionary(StringComparer.Ordinal),
            effects.ToFrozenDictionary(StringComparer.Ordinal),
            matchers.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static TokenDefinition ToTokens(ConfEntry entry)
    {
        var tokens = entry.Value.Split(',').Select(static t => t.Trim()).ToImmutableArray();
        var (line, column) = entry.ValueMap.Locate(0);
        return new TokenDefinition(entry.Key, tokens, line, column);
    }

    private static void AddRole(ConfEntry entry, Dictionary<string, RoleDefinition> roles, string? sourceName, List<Diagnostic> diagnostics)
    {
        var (line, column) = entry.ValueMap.Locate(0);
        var value = CasbinText.RemoveComment(entry.Value);
        if (value.Contains('(', StringComparison.Ordinal))
        {
            diagnostics.Add(new Diagnostic(
                PolicyDiagnosticCodes.InvalidRoleDefinition,
                $"role definition '{entry.Key}' uses link-condition parameters ('{value}'); conditional role links are not supported, expected only '_' placeholders such as '_, _' or '_, _, _'.",
                sourceName,
                line,
                column));
            return;
        }

        var count = value.Count(static c => c == '_');
        if (count < 2)
        {
            diagnostics.Add(new Diagnostic(
                PolicyDiagnosticCodes.InvalidRoleDefinition,
                $"role definition '{entry.Key}' needs at least two '_' placeholders ('_, _' or '_, _, _'); found '{value}'.",
                sourceName,
                line,
                column));
            return;
        }

        roles[entry.Key] = new RoleDefinition(entry.Key, value, count);
    }

    private static void AddEffect(ConfEntry entry, Dictionary<string, EffectDefinition> effects, string? sourceName, List<Diagnostic> diagnostics)
    {
        var text = CasbinText.RemoveComment(entry.Value);
        if (EffectDefinition.TryRecognize(CasbinText.Escape(text), out var kind))
        {
            effects[entry.Key] = new EffectDefinition(entry.Key, text, kind);
            return;
        }

        var (line, column) = entry.ValueMap.Locate(0);
        diagnostics.Add(new Diagnostic(
            PolicyDiagnosticCodes.UnsupportedEffect,
            $"unsupported effect '{text}' for '{entry.Key}'; expected one of {string.Join(", ", EffectDefinition.AcceptedForms.Select(static f => $"'{f}'"))}.",
            sourceName,
            line,
            column));
    }

    private static int CountRejectedEffects(Dictionary<(string Section, string Key), ConfEntry> lookup) =>
        lookup.ContainsKey(("policy_effect", "e")) ? 1 : 0;

    private static void RequireSection(int count, string section, string example, string? sourceName, List<Diagnostic> diagnostics)
    {
        if (count == 0)
        {
            diagnostics.Add(new Diagnostic(
                PolicyDiagnosticCodes.MissingSection,
                $"missing required section '[{section}]'; expected at least one entry such as '{example}'.",
                sourceName,
                1,
                1));
        }
    }
}
