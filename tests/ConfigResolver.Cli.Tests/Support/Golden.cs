namespace ConfigResolver.Cli.Tests.Support;

/// <summary>
/// Golden files under <c>tests/ConfigResolver.Cli.Tests/Golden/</c>, compared exactly. They are rewritten only when
/// the environment variable <c>CFGR_UPDATE_GOLDEN=1</c> is set; review the diff before committing.
/// </summary>
internal static class Golden
{
    /// <summary>The environment variable that switches regeneration on.</summary>
    public const string UpdateVariable = "CFGR_UPDATE_GOLDEN";

    private static readonly Lazy<string> s_directory = new(Locate);

    /// <summary>Asserts that a run's transcript equals its golden file.</summary>
    /// <param name="name">The golden file's name without extension.</param>
    /// <param name="result">The run.</param>
    public static void Match(string name, CliResult result)
    {
        var path = Path.Combine(s_directory.Value, name + ".txt");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, result.Transcript);
            return;
        }

        Assert.True(File.Exists(path), $"Golden file '{path}' does not exist; run the tests with {UpdateVariable}=1 to create it, then review it.");
        Assert.Equal(File.ReadAllText(path), result.Transcript);
    }

    // The source folder, not the build output, so that regeneration writes where git sees it.
    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ConfigResolver.Cli.Tests.csproj")))
            {
                return Path.Combine(dir.FullName, "Golden");
            }
        }

        throw new DirectoryNotFoundException("The folder of ConfigResolver.Cli.Tests.csproj was not found above the test binaries.");
    }
}
