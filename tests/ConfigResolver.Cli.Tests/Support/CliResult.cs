namespace ConfigResolver.Cli.Tests.Support;

/// <summary>What one in-process run of <c>cfgr</c> printed and returned.</summary>
/// <param name="Args">The arguments.</param>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Stdout">Everything written to standard output.</param>
/// <param name="Stderr">Everything written to standard error.</param>
internal sealed record CliResult(IReadOnlyList<string> Args, int ExitCode, string Stdout, string Stderr)
{
    /// <summary>Standard output split into lines (without the final empty one).</summary>
    public IReadOnlyList<string> StdoutLines => Lines(Stdout);

    /// <summary>Standard error split into lines (without the final empty one).</summary>
    public IReadOnlyList<string> StderrLines => Lines(Stderr);

    /// <summary>The run as a golden file holds it: command line, exit code, stdout and stderr.</summary>
    public string Transcript =>
        $"$ cfgr {string.Join(' ', Args.Select(Quote))}\nexit: {ExitCode}\n--- stdout\n{Stdout}--- stderr\n{Stderr}";

    private static string[] Lines(string text) => text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n');

    private static string Quote(string arg) =>
        arg.Length > 0 && arg.All(static c => char.IsLetterOrDigit(c) || "-_./,=:@".Contains(c, StringComparison.Ordinal))
            ? arg
            : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
