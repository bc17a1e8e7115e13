namespace ConfigResolver.Authorization.Tests.Support;

/// <summary>Paths in the repository (found by walking up to ConfigResolver.sln) and in the test output.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> s_root = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ConfigResolver.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ConfigResolver.sln not found above the test output.");
    });

    public static string Root => s_root.Value;

    public static string Policies => Path.Combine(Root, "policies");

    public static string Schemas => Path.Combine(Root, "schemas");

    public static string Cases => Path.Combine(AppContext.BaseDirectory, "Cases");
}
