using System.CommandLine;
using System.Reflection;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Diagnostics;
using ConfigResolver.Policy.Diagnostics;

namespace ConfigResolver.Cli;

/// <summary>
/// The <c>cfgr</c> entry point, callable in-process: parses the command line, runs the command, reports errors on
/// standard error one line each (and, with <c>--json</c>, as one <c>{"error":...}</c> object on standard output) and
/// picks the exit code (see <see cref="ExitCodes"/>).
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
        var json = JsonRequested(args);
        try
        {
            var parsed = CommandLineParser.Parse(args, commands, console.WorkingDirectory);
            if (parsed.Directive is { } directive)
            {
                return await directive.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error }, cancellationToken).ConfigureAwait(false);
            }

            if (parsed.VersionRequested)
            {
                WriteLines(console.Out, [$"cfgr {Version}"]);
                return ExitCodes.Ok;
            }

            if (parsed.HelpRequested)
            {
                var help = parsed.Command is not null ? HelpRenderer.Command(parsed.Command.Spec)
                    : parsed.Group is { } group ? HelpRenderer.Group(commands, group)
                    : HelpRenderer.Global(commands);
                WriteLines(console.Out, help);
                return ExitCodes.Ok;
            }

            var globals = parsed.Globals.WithEnvironment(console.GetEnvironmentVariable);
            var context = new CommandContext(parsed.Arguments!, globals, console);
            return await parsed.Command!.ExecuteAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            WriteLines(console.Error, [.. e.Problems.Select(static p => $"error: {DiagnosticRenderer.OneLine(p)}"), .. HelpRenderer.ShortUsage(e.Command)]);
            return Fail(console, json, ExitCodes.Usage, "usage", e.Message, e.Problems.Select(CliDiagnostic.Usage));
        }
        catch (PolicyCompilationException e)
        {
            var sorted = DiagnosticRenderer.InFileOrder(e.Diagnostics);
            var lines = DiagnosticRenderer.RenderAll(sorted).ToList();
            WriteLines(console.Error, lines);
            return Fail(console, json, ExitCodes.Failed, "rejected", lines.FirstOrDefault() ?? e.Message, sorted.Select(static d => DiagnosticRenderer.ToJson(d)));
        }
        catch (ConfigResolverException e)
        {
            // A file named on the command line could not be read (InputFileException), or a library call refused input.
            WriteLines(console.Error, DiagnosticRenderer.RenderAll(e.Diagnostics));
            return ExitCodes.Failed;
        }
        catch (CommandFailedException e)
        {
            var lines = e.Lines.IsEmpty ? [$"error: {DiagnosticRenderer.OneLine(e.Message)}"] : e.Lines.ToList();
            WriteLines(console.Error, lines);
            var code = e.Diagnostics.IsEmpty ? "failed" : "rejected";
            return Fail(console, json, ExitCodes.Failed, code, DiagnosticRenderer.OneLine(e.Lines.IsEmpty ? e.Message : e.Lines[0]), e.Diagnostics);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            WriteLines(console.Error, ["error: cancelled."]);
            return Fail(console, json, ExitCodes.Cancelled, "cancelled", "cancelled.", []);
        }
        finally
        {
            await console.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            await console.Error.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>The informational version: <c>0.9.0+&lt;commit&gt;</c> (the SDK appends the commit of the build).</summary>
    public static string Version { get; } =
        typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(CliApp).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    private static int Fail(CliConsole console, bool json, int exitCode, string code, string message, IEnumerable<CliDiagnostic> diagnostics)
    {
        if (json)
        {
            WriteLines(console.Out, [JsonOutput.Error(code, exitCode, message, diagnostics)]);
        }

        return exitCode;
    }

    /// <summary>Whether the command line asks for JSON, read from the raw arguments so that usage errors honour it too.</summary>
    private static bool JsonRequested(string[] args)
    {
        var options = args.TakeWhile(static a => a != "--").ToList();
        return options.Any(static a => a is "--json" or "--output=json")
            || options.Zip(options.Skip(1)).Any(static p => p.First == "--output" && p.Second == "json");
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
