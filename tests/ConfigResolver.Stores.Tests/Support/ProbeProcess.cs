using System.Diagnostics;
using System.Threading.Channels;
using ConfigResolver.Testing;

namespace ConfigResolver.Stores.Tests.Support;

/// <summary>
/// The test-only probe program (tests/ConfigResolver.StoreProbe) running as a separate OS process: its output lines are
/// collected as they come; disposing closes its standard input, which ends it.
/// </summary>
internal sealed class ProbeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly List<string> _seen = [];
    private readonly Task _reader;

    private ProbeProcess(Process process)
    {
        _process = process;
        _reader = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                _lines.Writer.TryWrite(line);
            }

            _lines.Writer.TryComplete();
        });
    }

    /// <summary>The probe's assembly, built next to this test project in the same configuration.</summary>
    public static string AssemblyPath
    {
        get
        {
            // .../tests/ConfigResolver.Stores.Tests/bin/<Configuration>/<tfm>/
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var (framework, configuration) = (output.Name, output.Parent!.Name);
            return Path.Combine(TestPaths.RepositoryRoot, "tests", "ConfigResolver.StoreProbe", "bin", configuration, framework, "ConfigResolver.StoreProbe.dll");
        }
    }

    /// <summary>The <c>cfgr</c> tool's assembly (src/ConfigResolver.Cli), built in the same configuration.</summary>
    public static string CfgrPath
    {
        get
        {
            var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var (framework, configuration) = (output.Name, output.Parent!.Name);
            return Path.Combine(TestPaths.RepositoryRoot, "src", "ConfigResolver.Cli", "bin", configuration, framework, "cfgr.dll");
        }
    }

    /// <summary>Gets the OS process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Waits for the process to end on its own and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync()
    {
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _process.WaitForExitAsync(wait.Token);
        return _process.ExitCode;
    }

    /// <summary>Gets the exit code once the process has ended (after <see cref="DisposeAsync"/>).</summary>
    public int ExitCode => _process.ExitCode;

    public static ProbeProcess Start(params string[] arguments) => StartAssembly(AssemblyPath, arguments);

    /// <summary>Starts <c>cfgr</c> with the arguments, standard input open until disposed.</summary>
    public static ProbeProcess StartCfgr(params string[] arguments) => StartAssembly(CfgrPath, arguments);

    private static ProbeProcess StartAssembly(string assembly, string[] arguments)
    {
        Assert.True(File.Exists(assembly), $"The program was not built: {assembly}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.Environment.Remove("CFGR_DB");
        start.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return new ProbeProcess(Process.Start(start)!);
    }

    /// <summary>Waits for the next output line that satisfies <paramref name="match"/>; fails with every line seen otherwise.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        try
        {
            while (true)
            {
                var line = await _lines.Reader.ReadAsync(cancel.Token);
                _seen.Add(line);
                if (match(line))
                {
                    return line;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
        {
            Assert.Fail($"The probe did not print the expected line; it printed: [{string.Join(" | ", _seen)}].");
            throw;
        }
    }

    /// <summary>Closes standard input (which ends a watcher cleanly) and waits for the exit code.</summary>
    public async Task<int> CloseInputAndWaitAsync()
    {
        _process.StandardInput.Close();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _process.WaitForExitAsync(wait.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process.HasExited)
        {
            await _reader;
            _process.Dispose();
            return;
        }

        try
        {
            _process.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _reader;
        _process.Dispose();
    }
}
