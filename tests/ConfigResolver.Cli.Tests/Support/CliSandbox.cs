using ConfigResolver.Cli.CommandLine;
using ConfigResolver.TestData;
using ConfigResolver.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ConfigResolver.Cli.Tests.Support;

/// <summary>
/// A temporary working directory to run <c>cfgr</c> in, in-process. Files are written there and named by relative
/// paths, so diagnostics and golden files never contain the temporary path.
/// </summary>
internal sealed class CliSandbox : IDisposable
{
    public CliSandbox() => Root = Directory.CreateTempSubdirectory("cfgr-cli-tests-").FullName;

    /// <summary>The working directory of every run, also where <c>cfgr demo</c> puts a temporary database.</summary>
    public string Root { get; }

    /// <summary>The clock every run sees: fixed, so times in golden files never change.</summary>
    public FakeTimeProvider Clock { get; } = TestTime.CreateClock();

    /// <summary>The environment variables every run's resolver reads instead of the process's: empty unless a test sets some.</summary>
    public Dictionary<string, string?> Environment { get; } = [];

    /// <summary>Whether runs see standard output as a terminal (colour on unless NO_COLOR); false, as when redirected, by default.</summary>
    public bool Terminal { get; set; }

    /// <summary>
    /// The random source every run's API key secrets, invitation tokens and ids come from: seeded, so transcripts are
    /// reproducible, and shared by the runs of one sandbox, so each run draws new values.
    /// </summary>
    public System.Security.Cryptography.RandomNumberGenerator Random { get; set; } = new SeededRandom(1414);

    /// <summary>How runs believe cfgr was started (the demo's hints use it); the installed tool by default.</summary>
    public string Invocation { get; set; } = "cfgr";

    /// <summary>Writes a file into the sandbox.</summary>
    /// <param name="name">Relative file name.</param>
    /// <param name="text">Its content.</param>
    /// <returns>The relative name, for use as an argument.</returns>
    public string Write(string name, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(Root, name))!);
        File.WriteAllText(Path.Combine(Root, name), text);
        return name;
    }

    /// <summary>Copies a file of the Casbin conformance corpus into the sandbox under its own file name.</summary>
    /// <param name="corpusPath">Path relative to the corpus root, e.g. <c>models/rbac_model.conf</c>.</param>
    /// <returns>The relative name in the sandbox.</returns>
    public string CopyFromCorpus(string corpusPath)
    {
        var name = Path.GetFileName(corpusPath);
        File.Copy(TestDataFiles.LocalPath(Path.Combine(TestPaths.CasbinCorpus, corpusPath)), Path.Combine(Root, name), overwrite: true);
        return name;
    }

    /// <summary>Copies the repository's shipped <c>policies/</c> directory into the sandbox.</summary>
    /// <param name="name">The directory name in the sandbox.</param>
    /// <returns>The relative name, for use as an argument.</returns>
    public string CopyShippedPolicies(string name = "policies")
    {
        var source = Path.Combine(TestPaths.RepositoryRoot, "policies");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Root, name, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return name;
    }

    /// <summary>Runs <c>cfgr</c> with empty standard input.</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>What it printed and returned.</returns>
    public CliResult Run(params string[] args) => RunWithInput(string.Empty, args);

    /// <summary>Runs <c>cfgr</c> with the given standard input.</summary>
    /// <param name="stdin">Standard input.</param>
    /// <param name="args">The arguments.</param>
    /// <returns>What it printed and returned.</returns>
    public CliResult RunWithInput(string stdin, params string[] args) => RunWithInput(stdin, CancellationToken.None, args);

    /// <summary>Runs <c>cfgr</c> with the given standard input and cancellation token (Ctrl+C).</summary>
    /// <param name="stdin">Standard input.</param>
    /// <param name="cancellationToken">Passed to <see cref="CliApp.RunAsync"/>.</param>
    /// <param name="args">The arguments.</param>
    /// <returns>What it printed and returned.</returns>
    public CliResult RunWithInput(string stdin, CancellationToken cancellationToken, params string[] args)
    {
        using var input = new StringReader(stdin);
        return RunWithReader(input, cancellationToken, args);
    }

    /// <summary>Runs <c>cfgr</c> reading standard input from <paramref name="input"/> (for a watcher: a reader the test closes).</summary>
    /// <param name="input">Standard input.</param>
    /// <param name="cancellationToken">Passed to <see cref="CliApp.RunAsync"/>.</param>
    /// <param name="args">The arguments.</param>
    /// <returns>What it printed and returned.</returns>
    public CliResult RunWithReader(TextReader input, CancellationToken cancellationToken, params string[] args) =>
        RunWithReader(input, new StringWriter(), cancellationToken, args);

    /// <summary>As <see cref="RunWithReader(TextReader, CancellationToken, string[])"/>, writing standard output to <paramref name="stdout"/> as it comes.</summary>
    public CliResult RunWithReader(TextReader input, TextWriter stdout, CancellationToken cancellationToken, params string[] args)
    {
        using var stderr = new StringWriter();
        var console = new CliConsole(stdout, stderr, input, Root)
        {
            Clock = Clock,
            EnvironmentVariables = Environment,
            TempDirectory = Root,
            OutputIsTerminal = Terminal,
            Invocation = Invocation,
            Random = Random,
        };
        var exitCode = CliApp.RunAsync(args, console, cancellationToken).GetAwaiter().GetResult();
        return new CliResult(args, exitCode, stdout.ToString() ?? string.Empty, stderr.ToString());
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
