namespace ConfigResolver.Cli.CommandLine;

/// <summary>The exit codes every <c>cfgr</c> command uses.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Ok = 0;

    /// <summary>Input was rejected (diagnostics were printed) or a check failed.</summary>
    public const int Failed = 1;

    /// <summary>The command line itself is wrong: unknown command or option, missing argument.</summary>
    public const int Usage = 2;

    /// <summary>The run was cancelled (Ctrl+C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;
}
