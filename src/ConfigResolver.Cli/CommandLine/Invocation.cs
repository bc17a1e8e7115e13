namespace ConfigResolver.Cli.CommandLine;

/// <summary>
/// How the user started cfgr, so that the commands the demo suggests run where the user is: the installed tool
/// (<c>cfgr</c>), or the project in a clone (<c>dotnet run --project src/ConfigResolver.Cli --</c>, the project path
/// relative to the working directory).
/// </summary>
internal static class Invocation
{
    /// <summary>The installed tool's command.</summary>
    public const string Tool = "cfgr";

    /// <summary>Decides from where the binaries are.</summary>
    /// <param name="baseDirectory">The folder of the running assembly (<see cref="AppContext.BaseDirectory"/>).</param>
    /// <param name="workingDirectory">The current directory.</param>
    /// <returns><c>cfgr</c>, or <c>dotnet run --project PATH --</c> when running from a build of the project.</returns>
    public static string Detect(string baseDirectory, string workingDirectory)
    {
        ArgumentNullException.ThrowIfNull(baseDirectory);
        ArgumentNullException.ThrowIfNull(workingDirectory);

        // An installed tool keeps the package's DotnetToolSettings.xml beside its assembly; a build output has none.
        if (File.Exists(Path.Combine(baseDirectory, "DotnetToolSettings.xml")))
        {
            return Tool;
        }

        for (var dir = new DirectoryInfo(baseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ConfigResolver.Cli.csproj")))
            {
                // Relative to where the user is when that is below the clone's root, else the full path.
                var relative = Path.GetRelativePath(workingDirectory, dir.FullName);
                var project = (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? dir.FullName : relative).Replace('\\', '/');
                return project.Contains(' ', StringComparison.Ordinal)
                    ? $"dotnet run --project '{project}' --"
                    : $"dotnet run --project {project} --";
            }
        }

        return Tool;
    }
}
