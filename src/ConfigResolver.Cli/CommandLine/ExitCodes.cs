namespace ConfigResolver.Cli.CommandLine;

/// <summary>The exit codes every <c>cfgr</c> command uses; <c>cfgr --help</c> and docs/cli.md list them.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked; for <c>check</c>, the request is allowed.</summary>
    public const int Ok = 0;

    /// <summary>An error: input was rejected (diagnostics were printed), a file or user is missing, the store failed.</summary>
    public const int Failed = 1;

    /// <summary>The command line itself is wrong: unknown command or option, missing argument.</summary>
    public const int Usage = 2;

    /// <summary><c>check</c> decided the request and denied it.</summary>
    public const int Denied = 3;

    /// <summary><c>policy test</c> ran the suites and at least one case failed.</summary>
    public const int TestsFailed = 4;

    /// <summary><c>policy diff</c> and <c>org config diff</c>: the change would change something (decisions, resolved values), so CI can gate it.</summary>
    public const int Changes = 5;

    /// <summary>The run was cancelled (Ctrl+C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;

    /// <summary>The codes with their meaning, in the order help lists them.</summary>
    public static IReadOnlyList<(int Code, string Meaning)> All { get; } =
    [
        (Ok, "success; check: allowed"),
        (Failed, "error: rejected input, missing file or user, store failure"),
        (Usage, "usage error: unknown command or option, missing argument"),
        (Denied, "check: denied"),
        (TestsFailed, "policy test: a case failed"),
        (Changes, "policy diff, org config diff: something would change"),
        (Cancelled, "interrupted (Ctrl+C)"),
    ];
}
