using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Tests.Support;

namespace ConfigResolver.Cli.Tests.Commands;

/// <summary>
/// <c>--watch</c> in process: one print and exit 0 when standard input is already closed; a second writer's change
/// printed again; Ctrl+C is exit 130. (Real processes on SQLite and PostgreSQL: ConfigResolver.Stores.Tests.)
/// </summary>
public sealed class WatchCommandTests : IDisposable
{
    private readonly CliSandbox _sandbox = new();
    private readonly string _db;

    public WatchCommandTests() => _db = TenancyDatabase.Seed(_sandbox);

    public void Dispose() => _sandbox.Dispose();

    [Theory]
    [InlineData("resolve_watch_stdin_closed", new[] { "resolve", "--org", "beta", "--watch" })]
    [InlineData("resolve_watch_json_stdin_closed", new[] { "resolve", "--org", "beta", "--watch", "--json" })]
    [InlineData("check_watch_json_stdin_closed", new[] { "check", "--user", "carol@beta.example", "--org", "beta", "--action", "agents:write", "--watch", "--json" })]
    public void A_watch_with_standard_input_closed_prints_once_and_exits_0(string golden, string[] args)
    {
        var result = _sandbox.Run(["--db", _db, .. args]);

        Golden.Match(golden, result);
        Assert.Equal(ExitCodes.Ok, result.ExitCode);
    }

    [Fact]
    public async Task A_watcher_prints_another_writers_change_then_ends_when_stdin_closes()
    {
        var input = new OpenInput();
        var output = new SharedOutput();
        var watcher = Task.Run(() => _sandbox.RunWithReader(input, output, CancellationToken.None, "--db", _db, "resolve", "--org", "beta", "--watch", "--json"));
        await UntilAsync(() => output.Text.Contains("\"revision\"", StringComparison.Ordinal));

        var document = _sandbox.Write("beta.json", """{"version":1,"metadata":{"description":"Beta, renamed"}}""");
        Assert.Equal(ExitCodes.Ok, _sandbox.Run("--db", _db, "org", "config", "set", "beta", "--file", document).ExitCode);
        await UntilAsync(() => output.Text.Contains("Beta, renamed", StringComparison.Ordinal), advanceClock: true);
        input.CloseInput();
        var result = await watcher.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        var lines = output.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.StartsWith("{\"revision\":", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ctrl_c_ends_a_watch_with_exit_130()
    {
        using var ctrlC = new CancellationTokenSource();
        var output = new SharedOutput();
        var watcher = Task.Run(() => _sandbox.RunWithReader(new OpenInput(), output, ctrlC.Token, "--db", _db, "check", "--user", "carol@beta.example", "--org", "beta", "--action", "agents:write", "--watch"));
        await UntilAsync(() => output.Text.Length > 0);

        await ctrlC.CancelAsync();
        var result = await watcher.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
        Assert.Equal("allow\n", output.Text);
    }

    /// <summary>Waits for a condition; with <paramref name="advanceClock"/> moves the sandbox's fake clock so the store's poll runs.</summary>
    private async Task UntilAsync(Func<bool> condition, bool advanceClock = false)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!condition())
        {
            Assert.False(timeout.IsCancellationRequested, "timed out waiting for the watcher");
            if (advanceClock)
            {
                _sandbox.Clock.Advance(TimeSpan.FromMilliseconds(100));
            }

            await Task.Delay(20, CancellationToken.None);
        }
    }
}
