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

        return await CliApp.RunAsync(args, CliConsole.System, cancellation.Token).ConfigureAwait(false);
    }
}
