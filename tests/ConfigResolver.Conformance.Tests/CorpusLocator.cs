using ConfigResolver.Testing;

namespace ConfigResolver.Conformance.Tests;

/// <summary>The Casbin conformance corpus and bench data in the repository's <c>testdata/</c>, found through <see cref="TestPaths"/>.</summary>
internal static class CorpusLocator
{
    public static string Root => TestPaths.CasbinCorpus;

    public static string BenchDataRoot => TestPaths.BenchData;
}
