namespace ConfigResolver.Cli.CommandLine;

/// <summary>Where a run reads and writes: standard streams, the directory relative paths start from, and the clock and environment.</summary>
/// <param name="Out">Standard output: results only.</param>
/// <param name="Error">Standard error: diagnostics and errors, one line each.</param>
/// <param name="In">Standard input (for <c>-</c> as a file name).</param>
/// <param name="WorkingDirectory">The directory relative paths are resolved against.</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, TextReader In, string WorkingDirectory)
{
    /// <summary>The process's console and current directory; colour when standard output is a terminal.</summary>
    public static CliConsole System => new(Console.Out, Console.Error, StandardInput(), Environment.CurrentDirectory)
    {
        OutputIsTerminal = !Console.IsOutputRedirected,
        Invocation = CommandLine.Invocation.Detect(AppContext.BaseDirectory, Environment.CurrentDirectory),
    };

    /// <summary>
    /// Standard input decoded as strict UTF-8 when it is redirected (a pipe or a file): an invalid byte is an error, never
    /// a silent U+FFFD in a stored value. A terminal keeps the console's own reader.
    /// </summary>
    private static TextReader StandardInput() =>
        Console.IsInputRedirected
            ? new StreamReader(Console.OpenStandardInput(), new global::System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false)
            : Console.In;

    /// <summary>The clock for created and updated times and resolved snapshots; tests inject a fixed one for golden output.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>The environment variables the resolver's env layer reads; null reads the process's environment.</summary>
    public IReadOnlyDictionary<string, string?>? EnvironmentVariables { get; init; }

    /// <summary>Where <c>cfgr demo</c> creates its database when <c>--db</c> is not given; null uses the system's temporary folder.</summary>
    public string? TempDirectory { get; init; }

    /// <summary>
    /// Whether standard output is a terminal (false for redirected output and for writers a test supplies): only then
    /// are allow/deny and PASS/FAIL coloured, and never when <c>NO_COLOR</c> is set.
    /// </summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>How the user runs cfgr, for the commands the demo suggests: <c>cfgr</c> or <c>dotnet run --project ... --</c>.</summary>
    public string Invocation { get; init; } = CommandLine.Invocation.Tool;

    /// <summary>
    /// The random source for API key secrets, invitation tokens and ids; null uses the operating system's CSPRNG. Only tests
    /// set it, so golden transcripts are reproducible.
    /// </summary>
    public System.Security.Cryptography.RandomNumberGenerator? Random { get; init; }

    /// <summary>Reads an environment variable from <see cref="EnvironmentVariables"/> or the process.</summary>
    /// <param name="name">The variable.</param>
    /// <returns>Its value, or null.</returns>
    public string? GetEnvironmentVariable(string name) =>
        EnvironmentVariables is { } variables ? variables.GetValueOrDefault(name) : Environment.GetEnvironmentVariable(name);

    /// <summary>Whether to colour verdicts: a terminal, and <c>NO_COLOR</c> unset or empty (https://no-color.org).</summary>
    public bool UseColor => OutputIsTerminal && string.IsNullOrEmpty(GetEnvironmentVariable("NO_COLOR"));
}
