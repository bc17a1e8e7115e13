namespace ConfigResolver.Cli.CommandLine;

/// <summary>Options every command accepts, before or after the command words.</summary>
/// <param name="DatabasePath">The SQLite database file: <c>--db</c>, else <c>CFGR_DB</c>, else the default.</param>
internal sealed record GlobalOptions(string DatabasePath)
{
    /// <summary>The database used when neither <c>--db</c> nor <c>CFGR_DB</c> is given.</summary>
    public const string DefaultDatabasePath = "./configresolver.db";

    /// <summary>The environment variable that gives the database when <c>--db</c> is left out.</summary>
    public const string DatabaseVariable = "CFGR_DB";

    /// <summary>Whether <c>--db</c> was given on the command line (<c>demo</c> ignores <c>CFGR_DB</c> and the default).</summary>
    public bool DatabaseGiven { get; init; }

    /// <summary>The defaults.</summary>
    public static GlobalOptions Default { get; } = new(DefaultDatabasePath);

    /// <summary>The global options, for parsing and help.</summary>
    public static IReadOnlyList<OptionSpec> Specs { get; } =
    [
        new("--db", "store", $"The store: a SQLite file (default: ${DatabaseVariable}, else {DefaultDatabasePath}), postgres://user:pass@host:port/db, an Npgsql connection string, or litedb:PATH."),
        new("--help", null, "Show help; 'cfgr <command> --help' shows a command's options.") { Aliases = ["-h"] },
        new("--version", null, "Print cfgr's version (before any command)."),
    ];

    /// <summary>Applies <c>CFGR_DB</c> when <c>--db</c> was not given.</summary>
    /// <param name="environment">Reads an environment variable.</param>
    /// <returns>The options with the database path settled.</returns>
    public GlobalOptions WithEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return !DatabaseGiven && environment(DatabaseVariable) is { Length: > 0 } fromEnvironment
            ? this with { DatabasePath = fromEnvironment }
            : this;
    }
}
