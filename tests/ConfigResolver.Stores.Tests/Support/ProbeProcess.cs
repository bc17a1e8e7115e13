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

    public static ProbeProcess Start(params string[] arguments)
    {
        Assert.True(File.Exists(AssemblyPath), $"The probe was not built: {AssemblyPath}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(AssemblyPath);
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

    /// <summary>Writes one line to the probe's standard input.</summary>
    public async Task SendAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    public async ValueTask DisposeAsync()
    {
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
