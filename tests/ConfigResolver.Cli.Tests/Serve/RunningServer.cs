using System.Diagnostics;
using System.Text.RegularExpressions;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Tests.Support;

namespace ConfigResolver.Cli.Tests.Serve;

/// <summary>
/// <c>cfgr serve</c> running in-process on a real Kestrel, on loopback port 0 (a free port), until <see cref="StopAsync"/>
/// cancels it the way Ctrl+C does. The address is read from its "listening on" line.
/// </summary>
internal sealed partial class RunningServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();
    private readonly TextWriter _out;
    private readonly TextWriter _err;
    private readonly Task<int> _run;

    private RunningServer(CliSandbox sandbox, string[] args)
    {
        _out = TextWriter.Synchronized(_stdout);
        _err = TextWriter.Synchronized(_stderr);
        var console = new CliConsole(_out, _err, new StringReader(string.Empty), sandbox.Root)
        {
            Clock = sandbox.Clock,
            EnvironmentVariables = sandbox.Environment,
            TempDirectory = sandbox.Root,
        };
        _run = Task.Run(() => CliApp.RunAsync(args, console, _stop.Token));
    }

    public Uri Address { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    // The synchronized writers lock themselves while writing; reading under the same lock sees whole lines.
    public string Stdout
    {
        get
        {
            lock (_out)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_err)
            {
                return _stderr.ToString();
            }
        }
    }

    public static async Task<RunningServer> StartAsync(CliSandbox sandbox, params string[] args)
    {
        var server = new RunningServer(sandbox, ["serve", "--urls", "http://127.0.0.1:0", .. args]);
        var waited = Stopwatch.StartNew();
        while (Listening().Match(server.Stdout) is not { Success: true } match)
        {
            if (server._run.IsCompleted || waited.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new InvalidOperationException($"cfgr serve did not start (exit {(server._run.IsCompleted ? server._run.Result : -1)}): {server.Stdout}{server.Stderr}");
            }

            await Task.Delay(25);
        }

        server.Address = new Uri(Listening().Match(server.Stdout).Groups[1].Value);
        server.Client = new HttpClient { BaseAddress = server.Address };
        return server;
    }

    /// <summary>Cancels like Ctrl+C and returns the exit code.</summary>
    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        return await _run.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_run.IsCompleted)
        {
            await StopAsync();
        }

        Client?.Dispose();
        _stop.Dispose();
        await _stdout.DisposeAsync();
        await _stderr.DisposeAsync();
    }

    [GeneratedRegex(@"listening on (http://127\.0\.0\.1:[0-9]+)")]
    private static partial Regex Listening();
}
