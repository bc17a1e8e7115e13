using ConfigResolver.Testing;

namespace ConfigResolver.Conformance.Tests;

/// <summary>The shared Casbin conformance corpus, found through <see cref="TestPaths"/>.</summary>
internal static class CorpusLocator
{
    public static string Root => TestPaths.CasbinCorpus;

    public static string BenchDataRoot => TestPaths.BenchData;
}
