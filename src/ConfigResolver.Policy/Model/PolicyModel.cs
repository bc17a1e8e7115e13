using System.Collections.Frozen;
using System.Collections.Immutable;
using ConfigResolver.Policy.Diagnostics;

namespace ConfigResolver.Policy.Model;

/// <summary>
/// A parsed Casbin model (<c>.conf</c>): request, policy and role definitions, effects and matchers, each possibly
/// numbered (<c>r2</c>, <c>p2</c>, <c>g2</c>, <c>e2</c>, <c>m2</c>) for use with an enforce context.
/// </summary>
/// <remarks>Immutable and safe to share between threads.</remarks>
public sealed partial class PolicyModel
{
    private static readonly (string Prefix, string Section)[] s_sections =
    [
        ("r", "request_definition"),
        ("p", "policy_definition"),
        ("g", "role_definition"),
        ("e", "policy_effect"),
        ("m", "matchers"),
    ];

    private PolicyModel(
        string? sourceName,
        string text,
        FrozenDictionary<string, TokenDefinition> requests,
        FrozenDictionary<string, TokenDefinition> policies,
        FrozenDictionary<string, RoleDefinition> roles,
        FrozenDictionary<string, EffectDefinition> effects,
        FrozenDictionary<string, MatcherDefinition> matchers)
    {
        SourceName = sourceName;
        Text = text;
        RequestDefinitions = requests;
        PolicyDefinitions = policies;
        RoleDefinitions = roles;
        Effects = effects;
        Matchers = matchers;
    }

    /// <summary>The file or source name the model came from, used in diagnostics.</summary>
    public string? SourceName { get; }

    /// <summary>The model text as given.</summary>
    public string Text { get; }

    /// <summary>Request definitions by key (<c>r</c>, <c>r2</c>, ...).</summary>
    public FrozenDictionary<string, TokenDefinition> RequestDefinitions { get; }

    /// <summary>Policy definitions by key (<c>p</c>, <c>p2</c>, ...).</summary>
    public FrozenDictionary<string, TokenDefinition> PolicyDefinitions { get; }

    /// <summary>Role definitions by key (<c>g</c>, <c>g2</c>, ...); empty for models without roles.</summary>
    public FrozenDictionary<string, RoleDefinition> RoleDefinitions { get; }

    /// <summary>Effects by key (<c>e</c>, <c>e2</c>, ...).</summary>
    public FrozenDictionary<string, EffectDefinition> Effects { get; }

    /// <summary>Matchers by key (<c>m</c>, <c>m2</c>, ...).</summary>
    public FrozenDictionary<string, MatcherDefinition> Matchers { get; }

    /// <summary>Reads and parses a model file.</summary>
    /// <param name="path">Path of the <c>.conf</c> file.</param>
    /// <returns>The model.</returns>
    /// <exception cref="PolicyCompilationException">
    /// The model is malformed, or the file cannot be read (missing, not a regular file, over 4 MiB, not UTF-8); the diagnostics say where.
    /// </exception>
    public static PolicyModel Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(SourceFile.Read(path), path);
    }

    /// <summary>Parses model text.</summary>
    /// <param name="text">The model in Casbin's <c>.conf</c> syntax.</param>
    /// <param name="sourceName">Name used in diagnostics (a file path, say).</param>
    /// <returns>The model.</returns>
    /// <exception cref="PolicyCompilationException">The model is malformed; every problem is listed.</exception>
    public static PolicyModel Parse(string text, string? sourceName = null)
    {
        var diagnostics = new List<Diagnostic>();
        var model = TryParse(text, sourceName, diagnostics);
        return diagnostics.Count > 0 ? throw new PolicyCompilationException(diagnostics) : model;
    }

    /// <summary>Parses model text, adding every problem to <paramref name="diagnostics"/>; the model holds what did parse.</summary>
    internal static PolicyModel TryParse(string text, string? sourceName, List<Diagnostic> diagnostics)
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
                DiagnosticCodes.InvalidRoleDefinition,
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
                DiagnosticCodes.InvalidRoleDefinition,
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
            DiagnosticCodes.UnsupportedEffect,
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
                DiagnosticCodes.MissingSection,
                $"missing required section '[{section}]'; expected at least one entry such as '{example}'.",
                sourceName,
                1,
                1));
        }
    }
}
