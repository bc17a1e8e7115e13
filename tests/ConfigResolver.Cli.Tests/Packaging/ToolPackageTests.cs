using System.Diagnostics;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Tests.Support;
using ConfigResolver.Testing;
using Xunit.Abstractions;

namespace ConfigResolver.Cli.Tests.Packaging;

/// <summary>
/// The cfgr tool package as a user gets it: packed from the build the tests run against, installed into a temporary
/// tool path from a folder source only (no network), and run from an empty folder, far from any checkout.
/// </summary>
public sealed class ToolPackageTests(ITestOutputHelper output) : IDisposable
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private static readonly TimeSpan s_limit = TimeSpan.FromMinutes(5);

    private readonly string _root = Directory.CreateTempSubdirectory("cfgr-tool-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void The_packed_tool_installs_and_runs_the_demo_and_a_check_from_an_empty_folder()
    {
        var clock = Stopwatch.StartNew();
        var packages = Path.Combine(_root, "packages");
        var project = Path.Combine(TestPaths.RepositoryRoot, "src", "ConfigResolver.Cli", "ConfigResolver.Cli.csproj");
        Succeed(ProcessRunner.Run(ProcessRunner.Dotnet, _root, s_limit, "pack", project, "--no-build", "-c", Configuration, "-o", packages, "-p:IncludeSymbols=false"));
        File.WriteAllText(Path.Combine(_root, "nuget.config"), "<configuration><packageSources><clear /></packageSources></configuration>");
        var tools = Path.Combine(_root, "tools");
        Succeed(ProcessRunner.Run(ProcessRunner.Dotnet, _root, s_limit, "tool", "install", "cfgr", "--tool-path", tools, "--add-source", packages, "--configfile", Path.Combine(_root, "nuget.config")));
        var cfgr = Path.Combine(tools, OperatingSystem.IsWindows() ? "cfgr.exe" : "cfgr");
        var empty = Directory.CreateDirectory(Path.Combine(_root, "empty")).FullName;

        var version = ProcessRunner.Run(cfgr, empty, s_limit, "--version");
        var demo = ProcessRunner.Run(cfgr, empty, s_limit, "--db", "demo.db", "demo");
        var hint = demo.Stdout.Split('\n').First(static l => l.StartsWith("  cfgr --db demo.db check ", StringComparison.Ordinal));
        var check = ProcessRunner.Run(cfgr, empty, s_limit, hint["  cfgr ".Length..].Split(' '));
        var allowed = ProcessRunner.Run(cfgr, empty, s_limit, "--db", "demo.db", "check", "--user", "ann@acme.example", "--org", "acme", "--action", "agents:delete", "--explain");
        output.WriteLine($"pack, install and four runs took {clock.Elapsed.TotalSeconds:F1} s");

        Assert.Equal((ExitCodes.Ok, $"cfgr {CliApp.Version}\n"), (version.ExitCode, version.Stdout));
        Assert.Equal((ExitCodes.Ok, string.Empty), (demo.ExitCode, demo.Stderr));
        Assert.Contains("== org 'acme' setup 'default' ==", demo.Stdout, StringComparison.Ordinal);
        Assert.Equal((ExitCodes.Denied, string.Empty), (check.ExitCode, check.Stderr));
        Assert.StartsWith("deny\n  why not: ", check.Stdout, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, allowed.ExitCode);
        Assert.Contains(" at (built-in)/roles.yaml:", allowed.Stdout, StringComparison.Ordinal);
        Assert.Equal(["demo.db"], Directory.EnumerateFileSystemEntries(empty).Select(Path.GetFileName).Where(static n => !n!.StartsWith("demo.db-", StringComparison.Ordinal)));
    }

    private static void Succeed((int ExitCode, string Stdout, string Stderr) run) =>
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.Stdout}\n{run.Stderr}");
}
