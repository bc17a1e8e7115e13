namespace ConfigResolver.Testing;

/// <summary>
/// Where tests find the repository and the shared test data, from the test binaries (not from compile-time source
/// paths, which CI builds map to <c>/_/</c>). A missing folder fails loudly; nothing is ever skipped.
/// </summary>
public static class TestPaths
{
    private static readonly Lazy<string> s_repositoryRoot = new(() => Ancestor(
        static dir => File.Exists(Path.Combine(dir, "ConfigResolver.sln")),
        "the repository root (a folder holding ConfigResolver.sln)"));

    private static readonly Lazy<string> s_casbinCorpus = new(() => FromEnvironment("CASBIN_CONFORMANCE_DIR") ?? Ancestor(
        static dir => File.Exists(Path.Combine(dir, "shared", "conformance", "casbin", "cases.jsonl")),
        "'../shared/conformance/casbin/cases.jsonl' beside the repository (or CASBIN_CONFORMANCE_DIR)",
        static dir => Path.Combine(dir, "shared", "conformance", "casbin")));

    private static readonly Lazy<string> s_benchData = new(() => FromEnvironment("BENCH_DATA_DIR") ?? Ancestor(
        static dir => Directory.Exists(Path.Combine(dir, "shared", "bench-data")),
        "'../shared/bench-data' beside the repository (or BENCH_DATA_DIR)",
        static dir => Path.Combine(dir, "shared", "bench-data")));

    /// <summary>The repository root.</summary>
    public static string RepositoryRoot => s_repositoryRoot.Value;

    /// <summary>The shared Casbin conformance corpus (<c>cases.jsonl</c>, <c>models/</c>, <c>policies/</c>...).</summary>
    public static string CasbinCorpus => s_casbinCorpus.Value;

    /// <summary>The shared benchmark scenarios.</summary>
    public static string BenchData => s_benchData.Value;

    private static string? FromEnvironment(string variable)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return Directory.Exists(value) ? value : throw new DirectoryNotFoundException($"{variable} points at '{value}', which does not exist.");
    }

    // Where this workplace keeps the shared data when a clone lives outside /work (say /tmp/clone).
    private const string WorkplaceRoot = "/work";

    private static string Ancestor(Func<string, bool> matches, string what, Func<string, string>? select = null)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (matches(dir.FullName))
            {
                return select?.Invoke(dir.FullName) ?? dir.FullName;
            }
        }

        if (select is not null && matches(WorkplaceRoot))
        {
            return select(WorkplaceRoot);
        }

        throw new DirectoryNotFoundException($"Not found: {what}, looking up from '{AppContext.BaseDirectory}'.");
    }
}
