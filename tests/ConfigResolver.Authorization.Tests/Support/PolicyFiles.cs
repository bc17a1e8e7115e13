using ConfigResolver.Authorization.Compilation;
using ConfigResolver.Authorization.Loading;
using ConfigResolver.Diagnostics;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Testing;

namespace ConfigResolver.Authorization.Tests.Support;

/// <summary>Builds policy directories in memory: a small valid roles file plus whatever a test adds or replaces.</summary>
internal static class PolicyFiles
{
    public const string Roles = """
        kind: Roles
        scopes: [agents:read, agents:write, agents:delete, billing:read, analytics:read, completions:create]
        roles:
          viewer:
            scopes: [agents:read]
          member:
            inherits: [viewer]
            scopes: [agents:write, completions:create]
          admin:
            inherits: [member]
            scopes: ["agents:*", analytics:read]
          owner:
            inherits: [admin]
            scopes: ["*:*"]
        platform_admin_role: admin
        """;

    public static CompiledPolicy Load(params (string Path, string Text)[] files) => Load(TestTime.Fixed, files);

    public static CompiledPolicy Load(TimeProvider clock, params (string Path, string Text)[] files) =>
        PolicyLoader.Load(Merge(files), timeProvider: clock);

    public static IReadOnlyList<Diagnostic> Errors(params (string Path, string Text)[] files)
    {
        var e = Assert.Throws<PolicyCompilationException>(() => PolicyLoader.Load(Merge(files), timeProvider: TestTime.Fixed));
        return e.Diagnostics;
    }

    private static List<PolicyFile> Merge((string Path, string Text)[] files)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal) { ["roles.yaml"] = Roles };
        foreach (var (path, text) in files)
        {
            all[path] = text;
        }

        return [.. all.Select(static f => new PolicyFile(f.Key, f.Value))];
    }
}
