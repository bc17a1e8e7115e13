namespace ConfigResolver.Cli.Tests.Support;

/// <summary>
/// Finds the shared Casbin conformance corpus as the conformance tests do: <c>CASBIN_CONFORMANCE_DIR</c>, or a
/// <c>shared/conformance/casbin</c> folder beside an ancestor of the test binaries. A missing corpus fails loudly.
/// </summary>
internal static class CorpusLocator
{
    private static readonly Lazy<string> s_root = new(Locate);

    public static string Root => s_root.Value;

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
