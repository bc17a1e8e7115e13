using ConfigResolver.Testing;

namespace ConfigResolver.Cli.Tests.Support;

/// <summary>The Casbin conformance corpus in the repository's <c>testdata/casbin</c>, found through <see cref="TestPaths"/>.</summary>
internal static class CorpusLocator
{
    public static string Root => TestPaths.CasbinCorpus;
}
