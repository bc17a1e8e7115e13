using System.Collections.Immutable;
using ConfigResolver.Authorization;
using ConfigResolver.Authorization.Compilation;
using ConfigResolver.Authorization.Loading;

namespace ConfigResolver.Cli.Shipped;

/// <summary>
/// The repository's <c>policies/</c> and <c>schemas/</c>, embedded in the tool so that <c>cfgr check</c> works without a
/// checkout and <c>cfgr policy init</c> can write them out. Resource names are <c>cfgr/policies/&lt;relative path&gt;</c>
/// and <c>cfgr/schemas/&lt;file&gt;</c> (see the project file).
/// </summary>
internal static class ShippedFiles
{
    /// <summary>How diagnostics and explanations name the embedded policy directory.</summary>
    public const string DisplayRoot = "(built-in)";

    private const string PolicyPrefix = "cfgr/policies/";
    private const string SchemaPrefix = "cfgr/schemas/";

    private static readonly Lazy<ImmutableArray<(string Path, string Text)>> s_policies = new(() => Read(PolicyPrefix));
    private static readonly Lazy<ImmutableArray<(string Path, string Text)>> s_schemas = new(() => Read(SchemaPrefix));
    private static readonly Lazy<CompiledPolicy> s_compiled = new(
        () => PolicyLoader.Load(s_policies.Value.Select(static f => new PolicyFile(f.Path, f.Text)), DisplayRoot));

    /// <summary>The shipped policy files, relative paths with <c>/</c> (<c>model.conf</c>, <c>roles.yaml</c>, <c>rules/...</c>, <c>tests/...</c>), ordered.</summary>
    public static ImmutableArray<(string Path, string Text)> Policies => s_policies.Value;

    /// <summary>The shipped JSON Schemas by file name (<c>policy.schema.json</c>, ...), ordered.</summary>
    public static ImmutableArray<(string Path, string Text)> Schemas => s_schemas.Value;

    /// <summary>The shipped policies, compiled once per process; the tests guarantee they compile.</summary>
    public static CompiledPolicy Policy => s_compiled.Value;

    private static ImmutableArray<(string, string)> Read(string prefix)
    {
        var assembly = typeof(ShippedFiles).Assembly;
        var files = new List<(string, string)>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);

            // %(RecursiveDir) carries the build machine's separator; paths here always use '/'.
            files.Add((name[prefix.Length..].Replace('\\', '/'), reader.ReadToEnd()));
        }

        return [.. files.OrderBy(static f => f.Item1, StringComparer.Ordinal)];
    }
}
