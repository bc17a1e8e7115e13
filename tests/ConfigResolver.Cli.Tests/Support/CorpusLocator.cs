using ConfigResolver.Testing;

namespace ConfigResolver.Cli.Tests.Support;

/// <summary>The shared Casbin conformance corpus, found through <see cref="TestPaths"/>.</summary>
internal static class CorpusLocator
{
    public static string Root => TestPaths.CasbinCorpus;
}
