using ConfigResolver.Authorization;
using ConfigResolver.Authorization.Compilation;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Cli.Tenancy;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Cli.Commands;

internal sealed partial class CheckCommand
{
    /// <summary>
    /// Re-decides after every burst of store changes (re-reading the facts; the policy too when a new revision was
    /// pushed) and prints when the rendered decision differs from the last one printed. A pushed revision that does not
    /// compile is reported on standard error and the last good one keeps deciding.
    /// </summary>
    private static async Task<int> WatchAsync(
        CommandContext context, ITenantStore store, IReadOnlyList<User> users, bool fromStore, Func<Task<Decision>> decide, Action<CompiledPolicy> switchPolicy, CancellationToken cancellationToken)
    {
        var args = context.Arguments;
        string? last = null;
        var exit = ExitCodes.Ok;
        await StoreWatch.RunAsync(context, store, async burst =>
        {
            if (fromStore && burst.Any(static c => c.Kind is TenantChangeKind.PolicyRevisionPublished or TenantChangeKind.Reset))
            {
                try
                {
                    switchPolicy(await LoadStoredAsync(context, store, cancellationToken).ConfigureAwait(false));
                }
                catch (PolicyCompilationException e)
                {
                    context.Report("error: the current policy revision does not compile; the previous one keeps deciding:");
                    DiagnosticRenderer.RenderAll(e.Diagnostics).ToList().ForEach(context.Report);
                }
            }

            var decision = await decide().ConfigureAwait(false);
            var lines = CheckRenderer.Render(decision, users, args.Has("--explain"), args.Json, context.Console.UseColor).ToList();
            if (args.Json)
            {
                lines = [JsonOutput.WithLeadingField(lines[0], "store_revision", decision.StoreRevision)];
            }

            // The snapshot revision changes with every re-read; compare what the user would see without it.
            var shown = string.Join('\n', CheckRenderer.Render(decision, users, args.Has("--explain"), json: false));
            if (shown == last)
            {
                return;
            }

            last = shown;
            exit = decision.Allowed ? ExitCodes.Ok : ExitCodes.Denied;
            lines.ForEach(context.Print);
        }, cancellationToken).ConfigureAwait(false);
        return exit;
    }

    private static async Task<CompiledPolicy> LoadStoredAsync(CommandContext context, ITenantStore store, CancellationToken cancellationToken) =>
        (await PolicyRevisionLoader.LoadCurrentAsync(store, context.Console.Clock, cancellationToken: cancellationToken).ConfigureAwait(false)).Policy;
}
