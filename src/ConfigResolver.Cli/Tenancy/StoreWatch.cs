using System.Threading.Channels;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Storage;

namespace ConfigResolver.Cli.Tenancy;

/// <summary>
/// The loop behind <c>--watch</c>: print once, then again after each burst of store changes (this process's or any
/// other's: the store's change feed follows SQLite and LiteDB by polling, PostgreSQL by NOTIFY). Ends when standard input
/// closes (exit 0) or on Ctrl+C (the cancellation token; exit 130).
/// </summary>
internal static class StoreWatch
{
    private static readonly TimeSpan s_stdinGrace = TimeSpan.FromMilliseconds(200);

    /// <summary>Runs <paramref name="report"/> now and after every burst of changes until stdin closes or the token is cancelled.</summary>
    /// <param name="context">The command's context (standard input).</param>
    /// <param name="store">The store whose change feed to follow; subscribe consumers (the resolver) before calling this.</param>
    /// <param name="report">Prints what changed, given the burst of changes (empty the first time).</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>Exit 0 once standard input is closed.</returns>
    /// <exception cref="OperationCanceledException">Ctrl+C.</exception>
    public static async Task<int> RunAsync(CommandContext context, ITenantChangeFeed store, Func<IReadOnlyList<TenantChange>, Task> report, CancellationToken cancellationToken)
    {
        var changes = Channel.CreateUnbounded<TenantChange>(new UnboundedChannelOptions { SingleReader = true });
        using var subscription = store.Subscribe(c => changes.Writer.TryWrite(c));

        // Standard input is only watched for its end; what is typed is ignored. A reader that cannot be cancelled is
        // left behind when Ctrl+C ends the run: the process exits right after.
        var input = context.Console.In;
        _ = Task.Run(
            async () =>
            {
                try
                {
                    while (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is not null)
                    {
                    }
                }
                catch (OperationCanceledException)
                {
                }
                catch (IOException)
                {
                }
                finally
                {
                    changes.Writer.TryComplete();
                }
            },
            CancellationToken.None);

        await report([]).ConfigureAwait(false);
        var burst = new List<TenantChange>();
        while (await changes.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            // Everything queued now is one burst: one re-read and at most one print for it.
            burst.Clear();
            while (changes.Reader.TryRead(out var change))
            {
                burst.Add(change);
            }

            await report(burst).ConfigureAwait(false);
        }

        // Ctrl+C interrupts a blocked console read, which then reports the end of input, sometimes before the Ctrl+C
        // handler has cancelled the token: give the handler a moment, so Ctrl+C is 130 and only a closed input is 0.
        await Task.Delay(s_stdinGrace, cancellationToken).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
