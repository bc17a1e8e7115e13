using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Inputs;
using ConfigResolver.Cli.Tenancy;
using ConfigResolver.Storage;

namespace ConfigResolver.Cli.Commands;

/// <summary>
/// <c>cfgr policy push DIR [--message M]</c>: lints a policy directory, runs its tests, then stores it as the next
/// immutable policy revision in <c>--db</c>. Exit 1 for problems in a file, 4 for failing tests; nothing is stored then.
/// </summary>
internal sealed class PolicyPushCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "policy push",
        "Lint and test a policy directory, then store it as the next policy revision.",
        [
            new OptionSpec("--message", "M", "Why: kept with the revision and shown by 'cfgr policy history'."),
            new OptionSpec("--author", "NAME", "Who pushes (default: $CFGR_AUTHOR, else the login name)."),
            new OptionSpec("--json", null, "Print {\"revision\", \"created\", \"content_hash\", \"author\", \"created_at\", \"message\", \"restored_from\", \"store_revision\", \"files\"}."),
        ],
        [new ArgumentSpec("DIR", "The policy directory.")])
    {
        Description = """
            Every instance serving policies from the store ('cfgr check --policies store', AuthorizationService with
            PolicySource = Store) switches to the new revision through the store's change feed. Refused, with every
            problem printed, when a file does not compile (exit 1) or a policy test fails (exit 4). Content equal to the
            current revision stores nothing: it prints 'unchanged' and exits 0.
            """,
    };

    /// <inheritdoc />
    public async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var directory = context.Arguments.Positionals[0];
        var files = PolicyPublishing.ReadDirectory(context, directory);
        if (await PolicyPublishing.LintAndTestAsync(context, files, directory.Replace('\\', '/'), cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var draft = new PolicyRevisionDraft(files, PolicyPublishing.Author(context), context.Arguments.Value("--message"));
        return await CliTenancy.RunAsync(context, async tenancy =>
        {
            var result = await tenancy.Store.PublishPolicyRevisionAsync(draft, cancellationToken).ConfigureAwait(false);

            // TODO(#14): record a 'policy.push' audit event here once the audit log is on main.
            Print(context, result);
            return ExitCodes.Ok;
        }).ConfigureAwait(false);
    }

    /// <summary>Prints a publish outcome (shared with <c>policy rollback</c>).</summary>
    internal static void Print(CommandContext context, PolicyPublishResult result)
    {
        var info = result.Revision.Info;
        if (context.Arguments.Json)
        {
            var body = PolicyPublishing.Json(info);
            body["created"] = result.Created;
            context.PrintJson(body);
        }
        else if (result.Created)
        {
            context.Print($"pushed {PolicyPublishing.Line(info)}");
        }
        else
        {
            context.Print($"unchanged: revision {info.Number} already has this content ({PolicyPublishing.Short(info.ContentHash)}); nothing was stored.");
        }
    }
}
