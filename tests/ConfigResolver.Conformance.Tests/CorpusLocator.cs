namespace ConfigResolver.Conformance.Tests;

/// <summary>
/// Finds the shared Casbin conformance corpus: the <c>CASBIN_CONFORMANCE_DIR</c> environment variable, or a
/// <c>shared/conformance/casbin</c> folder beside any ancestor of the test binaries (the repository's <c>../shared</c>).
/// A missing corpus fails the tests loudly; it is never skipped.
/// </summary>
internal static class CorpusLocator
{
    private static readonly Lazy<string> s_root = new(Locate);

    public static string Root => s_root.Value;

    public static string BenchDataRoot => Path.GetFullPath(Path.Combine(Root, "..", "..", "bench-data"));

    private static string Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("CASBIN_CONFORMANCE_DIR");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Directory.Exists(fromEnvironment)
                ? fromEnvironment
                : throw new DirectoryNotFoundException($"CASBIN_CONFORMANCE_DIR points at '{fromEnvironment}', which does not exist.");
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "conformance", "casbin");
            if (File.Exists(Path.Combine(candidate, "cases.jsonl")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            "The Casbin conformance corpus was not found: expected '../shared/conformance/casbin/cases.jsonl' beside the repository, or CASBIN_CONFORMANCE_DIR.");
    }
}
