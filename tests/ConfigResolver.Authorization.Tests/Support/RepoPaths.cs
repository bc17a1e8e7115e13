using ConfigResolver.Testing;

namespace ConfigResolver.Authorization.Tests.Support;

/// <summary>Paths in the repository (found by walking up to ConfigResolver.sln) and in the test output.</summary>
internal static class RepoPaths
{
    public static string Root => TestPaths.RepositoryRoot;

    public static string Policies => Path.Combine(Root, "policies");

    public static string Schemas => Path.Combine(Root, "schemas");

    public static string Cases => Path.Combine(AppContext.BaseDirectory, "Cases");
}
