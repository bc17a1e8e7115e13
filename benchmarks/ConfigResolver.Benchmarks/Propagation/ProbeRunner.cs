using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;

namespace ConfigResolver.Benchmarks.Propagation;

/// <summary>The StoreProbe program as a second OS process: its lines as they come, and its Stopwatch timestamps (system-wide on one machine).</summary>
internal sealed class ProbeRunner : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly Task _reader;

    public ProbeRunner(string repositoryRoot, params string[] arguments)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var probe = Path.Combine(repositoryRoot, "tests", "ConfigResolver.StoreProbe", "bin", output.Parent!.Name, output.Name, "ConfigResolver.StoreProbe.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(probe);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("The probe did not start: " + probe);
        _reader = Task.Run(async () =>
        {
            while (await _process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                _lines.Writer.TryWrite(line);
            }

            _lines.Writer.TryComplete();
        });
    }

    /// <summary>The next line starting with <paramref name="prefix"/>, split on spaces.</summary>
    public async Task<string[]> NextAsync(string prefix)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var line = await _lines.Reader.ReadAsync(timeout.Token).ConfigureAwait(false);
            if (line.StartsWith(prefix + " ", StringComparison.Ordinal))
            {
                return line.Split(' ');
            }
        }
    }

    public static long Timestamp(string[] fields) => long.Parse(fields[^1], CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        await _process.WaitForExitAsync().ConfigureAwait(false);
        await _reader.ConfigureAwait(false);
        _process.Dispose();
    }
}
