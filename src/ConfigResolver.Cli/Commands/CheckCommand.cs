using ConfigResolver.Authorization;
using ConfigResolver.Authorization.Compilation;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Inputs;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Cli.Shipped;
using ConfigResolver.Cli.Tenancy;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Cli.Commands;

/// <summary>
/// <c>cfgr check</c>: compiles a policy directory (the shipped policies by default, or the store's current policy revision
/// with <c>--policies store</c>), joins it with the tenants of <c>--db</c>, and decides one request, optionally explained
/// and, with <c>--watch</c>, again whenever the decision changes. Exit 0 allowed, 3 denied, 1 on problems.
/// </summary>
internal sealed class CheckCommand : ICliCommand
{
    /// <summary>The <c>--policies</c> value that names the store's current policy revision instead of a directory.</summary>
    public const string StoreSource = "store";

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "check",
        "Decide whether a user may perform an action in an organization, optionally explained.",
        new OptionSpec("--policies", "DIR|store", "The policy directory, or 'store' for the current revision pushed to --db (default: the policies shipped inside cfgr)."),
        new OptionSpec("--user", "email", "The user asking.", Required: true),
        new OptionSpec("--org", "slug", "The organization.", Required: true),
        new OptionSpec("--action", "A", "The action, e.g. agents:write.", Required: true),
        new OptionSpec("--resource", "R", "The resource, e.g. provider/openai."),
        new OptionSpec("--explain", null, "Also print the reasons, the deciding rules and policy lines, and why not."),
        new OptionSpec("--watch", null, "Print the decision again each time it changes (membership, organization, configuration, policy revision); ends at Ctrl+C (exit 130) or when standard input closes (exit 0)."),
        new OptionSpec("--json", null, "Print one JSON object: {\"allowed\", \"decision\", \"revision\"} plus the explanation with --explain; with --watch \"store_revision\" first."))
    {
        Description = """
            Prints 'allow' (exit 0) or 'deny' (exit 3). With --explain it also prints the reasons, the rules and the
            engine policy lines that decided, and for a denial what is missing: the membership, the role or scope, or
            the deny rule that fired. An unknown user, a missing database or policy problems are errors (exit 1);
            policy problems print as file:line:col: error CODE: message. '--policies store' uses the revision
            'cfgr policy push' stored last (a directory named 'store' is './store'); with no revision pushed it is an
            error. With --watch the exit code is that of the last decision printed.
            """,
    };

    /// <inheritdoc />
    public async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var args = context.Arguments;
        var source = args.Value("--policies");
        var fromStore = source == StoreSource;
        var policy = fromStore ? null : source is { } directory ? PolicyDirectoryInput.Load(context, directory) : ShippedFiles.Policy;
        var email = args.Required("--user");
        return await CliTenancy.RunAsync(context, async tenancy =>
        {
            var user = await tenancy.Store.FindUserByEmailAsync(email, cancellationToken).ConfigureAwait(false)
                ?? throw new CommandFailedException($"there is no user '{email}'.");
            using var resolver = tenancy.CreateResolver(CliTenancy.Environment(context));
            policy ??= await LoadStoredAsync(context, tenancy.Store, cancellationToken).ConfigureAwait(false);
            var options = new AuthorizationOptions { TimeProvider = context.Console.Clock };
            var revision = 0L;
            async Task<Decision> DecideAsync()
            {
                var facts = await TenantFacts.LoadAsync(tenancy.Store, resolver, cancellationToken).ConfigureAwait(false);
                var snapshot = AuthorizationSnapshot.Create(policy, facts, options, ++revision);
                return snapshot.Check(Principal.ForUser(user.Id), args.Required("--org"), args.Required("--action"), args.Value("--resource"));
            }

            if (!args.Has("--watch"))
            {
                var decision = await DecideAsync().ConfigureAwait(false);
                Print(context, CheckRenderer.Render(decision, user, args.Has("--explain"), args.Json, context.Console.UseColor));
                return decision.Allowed ? ExitCodes.Ok : ExitCodes.Denied;
            }

            return await WatchAsync(context, tenancy.Store, user, fromStore, DecideAsync, p => policy = p, cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>
    /// Re-decides after every burst of store changes (re-reading the facts; the policy too when a new revision was
    /// pushed) and prints when the rendered decision differs from the last one printed. A pushed revision that does not
    /// compile is reported on standard error and the last good one keeps deciding.
    /// </summary>
    private static async Task<int> WatchAsync(
        CommandContext context, ITenantStore store, User user, bool fromStore, Func<Task<Decision>> decide, Action<CompiledPolicy> switchPolicy, CancellationToken cancellationToken)
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
            var lines = CheckRenderer.Render(decision, user, args.Has("--explain"), args.Json, context.Console.UseColor).ToList();
            if (args.Json)
            {
                lines = [JsonOutput.WithLeadingField(lines[0], "store_revision", decision.StoreRevision)];
            }

            // The snapshot revision changes with every re-read; compare what the user would see without it.
            var shown = args.Json ? JsonOutput.Serialize(new { decision.Allowed }) + string.Join('\n', CheckRenderer.Render(decision, user, args.Has("--explain"), json: false)) : string.Join('\n', lines);
            if (shown == last)
            {
                return;
            }

            last = shown;
            exit = decision.Allowed ? ExitCodes.Ok : ExitCodes.Denied;
            Print(context, lines);
        }, cancellationToken).ConfigureAwait(false);
        return exit;
    }

    private static async Task<CompiledPolicy> LoadStoredAsync(CommandContext context, ITenantStore store, CancellationToken cancellationToken) =>
        (await PolicyRevisionLoader.LoadCurrentAsync(store, context.Console.Clock, cancellationToken: cancellationToken).ConfigureAwait(false)).Policy;

    private static void Print(CommandContext context, IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            context.Print(line);
        }
    }
}
