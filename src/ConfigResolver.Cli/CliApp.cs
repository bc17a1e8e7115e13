using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Diagnostics;
using ConfigResolver.Policy.Diagnostics;

namespace ConfigResolver.Cli;

/// <summary>
/// The <c>cfgr</c> entry point, callable in-process: parses the command line, runs the command, reports errors
/// on standard error one line each and picks the exit code (0 ok, 1 rejected input or failed checks, 2 usage).
/// </summary>
internal static class CliApp
{
    /// <summary>Runs <c>cfgr</c> with the given writers, resolving relative paths against the current directory.</summary>
    /// <param name="args">The arguments after the program name.</param>
    /// <param name="stdout">Standard output.</param>
    /// <param name="stderr">Standard error.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Run(args, new CliConsole(stdout, stderr, TextReader.Null, Environment.CurrentDirectory));

    /// <summary>Runs <c>cfgr</c> against a console.</summary>
    /// <param name="args">The arguments after the program name.</param>
    /// <param name="console">Writers, standard input and working directory.</param>
    /// <returns>The exit code.</returns>
    public static int Run(string[] args, CliConsole console) =>
        RunAsync(args, console, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>Runs <c>cfgr</c> against a console.</summary>
    /// <param name="args">The arguments after the program name.</param>
    /// <param name="console">Writers, standard input and working directory.</param>
    /// <param name="cancellationToken">Cancelled on Ctrl+C.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(console);
        var commands = CommandRegistry.Commands;
        try
        {
            var parsed = CommandLineParser.Parse(args, commands);
            if (parsed.HelpRequested)
            {
                var help = parsed.Command is null ? HelpRenderer.Global(commands) : HelpRenderer.Command(parsed.Command.Spec);
                WriteLines(console.Out, help);
                return ExitCodes.Ok;
            }

            var context = new CommandContext(parsed.Arguments!, parsed.Globals, console);
            return await parsed.Command!.ExecuteAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            WriteLines(console.Error, [$"error: {DiagnosticRenderer.OneLine(e.Message)}", .. HelpRenderer.ShortUsage(e.Command)]);
            return ExitCodes.Usage;
        }
        catch (PolicyCompilationException e)
        {
            WriteLines(console.Error, DiagnosticRenderer.RenderAll(e.Diagnostics));
            return ExitCodes.Failed;
        }
        catch (ConfigResolverException e)
        {
            // A file named on the command line could not be read (InputFileException), or a library call refused input.
            WriteLines(console.Error, ConfigDiagnosticRenderer.RenderAll(e.Diagnostics, inputFile: null));
            return ExitCodes.Failed;
        }
        catch (CommandFailedException e)
        {
            WriteLines(console.Error, [$"error: {DiagnosticRenderer.OneLine(e.Message)}"]);
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            WriteLines(console.Error, ["error: cancelled."]);
            return ExitCodes.Cancelled;
        }
        finally
        {
            await console.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            await console.Error.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    private static void WriteLines(TextWriter writer, IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            writer.Write(line);
            writer.Write('\n');
        }
    }
}
