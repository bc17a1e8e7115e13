using ConfigResolver.Cli.CommandLine;

namespace ConfigResolver.Cli;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        // SIGTERM (docker stop, systemd) stops like Ctrl+C: cfgr serve drains and exits 0.
        using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            cancellation.Cancel();
        });

        return await CliApp.RunAsync(args, CliConsole.System, cancellation.Token).ConfigureAwait(false);
    }
}
