namespace ConfigResolver.Cli.CommandLine;

/// <summary>Options every command accepts, parsed centrally before or after the command words.</summary>
/// <param name="DatabasePath">The SQLite database file (<c>--db</c>), as given.</param>
internal sealed record GlobalOptions(string DatabasePath)
{
    /// <summary>The database used when <c>--db</c> is not given.</summary>
    public const string DefaultDatabasePath = "./configresolver.db";

    /// <summary>Whether <c>--db</c> was given (commands such as <c>demo</c> behave differently without it).</summary>
    public bool DatabaseGiven { get; init; }

    /// <summary>The defaults.</summary>
    public static GlobalOptions Default { get; } = new(DefaultDatabasePath);

    /// <summary>The global options, for parsing and help.</summary>
    public static IReadOnlyList<OptionSpec> Specs { get; } =
    [
        new("--db", "path", $"SQLite database file (default: {DefaultDatabasePath})."),
        new("--help", null, "Show help; 'cfgr <command> --help' shows a command's options."),
    ];
}
