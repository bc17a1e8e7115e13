namespace ConfigResolver.Cli.CommandLine;

/// <summary>Where a run reads and writes: standard streams and the directory relative paths start from.</summary>
/// <param name="Out">Standard output: results only.</param>
/// <param name="Error">Standard error: diagnostics and errors, one line each.</param>
/// <param name="In">Standard input (for <c>-</c> as a file name).</param>
/// <param name="WorkingDirectory">The directory relative paths are resolved against.</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, TextReader In, string WorkingDirectory)
{
    /// <summary>The process's console and current directory.</summary>
    public static CliConsole System => new(Console.Out, Console.Error, Console.In, Environment.CurrentDirectory);
}
