using ConfigResolver.TestData;

namespace ConfigResolver.Testing;

/// <summary>
/// Where tests find the repository and its <c>testdata/</c>, from the test binaries (not from compile-time source
/// paths, which CI builds map to <c>/_/</c>). Everything lives inside the clone (see <see cref="TestDataFiles"/>);
/// a missing folder fails loudly, nothing is ever skipped.
/// </summary>
public static class TestPaths
{
    /// <summary>The repository root.</summary>
    public static string RepositoryRoot => TestDataFiles.RepositoryRoot;

    /// <summary>The Casbin conformance corpus (<c>testdata/casbin</c>: <c>cases.jsonl</c>, <c>models/</c>, <c>policies/</c>...).</summary>
    public static string CasbinCorpus => TestDataFiles.CasbinCorpus;

    /// <summary>The benchmark scenarios (<c>testdata/bench</c>).</summary>
    public static string BenchData => TestDataFiles.BenchData;
}
