using System.Collections.Frozen;
using System.Collections.Immutable;
using ConfigResolver.Authorization.Diagnostics;
using ConfigResolver.Authorization.Loading;
using ConfigResolver.Diagnostics;

namespace ConfigResolver.Authorization.Compilation;

/// <summary>
/// Stage 3a (cross-reference and compile roles): unknown roles in <c>inherits</c>, inheritance cycles, scope patterns
/// that match no declared scope, the membership roles that must exist; then inheritance is expanded and wildcards
/// are resolved against the declared scopes, so the engine sees only concrete policy lines.
/// </summary>
internal static class RolesCompiler
{
    /// <summary>The roles a membership can hold; the roles file must declare each of them.</summary>
    public static ImmutableArray<string> MembershipRoles { get; } = ["viewer", "member", "admin", "owner"];

    public static CompiledRoles? Compile(RolesDocument document, ICollection<Diagnostic> diagnostics)
    {
        var before = diagnostics.Count;
        var declared = document.Roles.Select(static r => r.Name.Value).ToList();
        var byName = document.Roles.ToDictionary(static r => r.Name.Value, StringComparer.Ordinal);
        var expected = string.Join(", ", declared.Select(static n => $"'{n}'"));

        foreach (var missing in MembershipRoles.Where(r => !byName.ContainsKey(r)))
        {
            diagnostics.Add(document.RolesAt.Error(AuthorizationDiagnosticCodes.UnknownRole,
                $"the membership role '{missing}' is not declared; every organization member holds one of 'owner', 'admin', 'member', 'viewer'."));
        }

        foreach (var role in document.Roles)
        {
            foreach (var parent in role.Inherits.Where(p => !byName.ContainsKey(p.Value)))
            {
                diagnostics.Add(parent.Error(AuthorizationDiagnosticCodes.UnknownRole, $"unknown role '{parent.Value}'; expected one of {expected}."));
            }
        }

        FindCycles(document, byName, diagnostics);
        var own = ExpandScopes(document, diagnostics);
        if (document.PlatformAdminRole is { } platform && !byName.ContainsKey(platform.Value))
        {
            diagnostics.Add(platform.Error(AuthorizationDiagnosticCodes.UnknownRole, $"unknown role '{platform.Value}'; expected one of {expected}."));
        }

        if (diagnostics.Count > before)
        {
            return null;
        }

        var roles = new Dictionary<string, RoleInfo>(StringComparer.Ordinal);
        for (var i = 0; i < document.Roles.Length; i++)
        {
            var name = document.Roles[i].Name.Value;
            var closure = Closure(name, byName);
            var effective = declared.Where(closure.Contains).ToImmutableArray();
            var grants = new Dictionary<string, ScopeOrigin>(StringComparer.Ordinal);
            foreach (var member in new[] { name }.Concat(effective.Where(r => r != name)))
            {
                foreach (var (scope, origin) in own[member])
                {
                    grants.TryAdd(scope, origin);
                }
            }

            roles[name] = new RoleInfo(name, i, effective, grants.ToFrozenDictionary(StringComparer.Ordinal));
        }

        return new CompiledRoles(
            document.File,
            [.. document.Scopes.Select(static s => s.Value)],
            roles.ToFrozenDictionary(StringComparer.Ordinal),
            document.PlatformAdminRole is { } p ? roles[p.Value] : null);
    }

    private static HashSet<string> Closure(string name, Dictionary<string, RoleDeclaration> byName)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { name };
        var stack = new Stack<string>([name]);
        while (stack.TryPop(out var current))
        {
            foreach (var parent in byName[current].Inherits)
            {
                if (seen.Add(parent.Value))
                {
                    stack.Push(parent.Value);
                }
            }
        }

        return seen;
    }

    /// <summary>Depth-first search; each back edge is reported once, at the <c>inherits</c> entry that closes the cycle.</summary>
    private static void FindCycles(RolesDocument document, Dictionary<string, RoleDeclaration> byName, ICollection<Diagnostic> diagnostics)
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var path = new List<string>();

        void Visit(string name)
        {
            state[name] = 1;
            path.Add(name);
            foreach (var parent in byName[name].Inherits.Where(p => byName.ContainsKey(p.Value)))
            {
                var s = state.GetValueOrDefault(parent.Value);
                if (s == 1)
                {
                    var cycle = path.Skip(path.IndexOf(parent.Value)).Append(parent.Value);
                    diagnostics.Add(parent.Error(AuthorizationDiagnosticCodes.RoleCycle, $"roles inherit in a cycle: {string.Join(" -> ", cycle)}."));
                }
                else if (s == 0)
                {
                    Visit(parent.Value);
                }
            }

            path.RemoveAt(path.Count - 1);
            state[name] = 2;
        }

        foreach (var role in document.Roles)
        {
            if (state.GetValueOrDefault(role.Name.Value) == 0)
            {
                Visit(role.Name.Value);
            }
        }
    }

    private static Dictionary<string, List<(string Scope, ScopeOrigin Origin)>> ExpandScopes(RolesDocument document, ICollection<Diagnostic> diagnostics)
    {
        var declared = document.Scopes.Select(static s => s.Value).ToList();
        var result = new Dictionary<string, List<(string, ScopeOrigin)>>(StringComparer.Ordinal);
        foreach (var role in document.Roles)
        {
            var list = result[role.Name.Value] = [];
            foreach (var pattern in role.Scopes)
            {
                var glob = new SelectorGlob(pattern.Value);
                var matched = declared.Where(glob.Matches).ToList();
                if (matched.Count == 0)
                {
                    var message = glob.HasWildcard
                        ? $"the scope pattern '{pattern.Value}' matches no declared scope; declared: {Quote(declared)}."
                        : $"unknown scope '{pattern.Value}'; expected one of {Quote(declared)}.";
                    diagnostics.Add(pattern.Error(AuthorizationDiagnosticCodes.UnknownScope, message));
                }

                list.AddRange(matched.Select(s => (s, new ScopeOrigin(role.Name.Value, pattern.Value, pattern.Where))));
            }
        }

        return result;
    }

    internal static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(static n => $"'{n}'"));
}
