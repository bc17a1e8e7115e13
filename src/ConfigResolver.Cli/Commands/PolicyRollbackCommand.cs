using ConfigResolver.Authorization;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Inputs;
using ConfigResolver.Cli.Tenancy;
using ConfigResolver.Storage;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr policy rollback REV</c>: stores a new revision with REV's files, so history only ever grows.</summary>
internal sealed class PolicyRollbackCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "policy rollback",
        "Store a new policy revision equal to an earlier one.",
        [
            new OptionSpec("--message", "M", "Why (optional; history shows the restored revision either way)."),
            new OptionSpec("--author", "NAME", "Who rolls back (default: $CFGR_AUTHOR, else the login name)."),
            new OptionSpec("--json", null, "Print the new revision as 'policy push --json' does."),
        ],
        [new ArgumentSpec("REV", "The revision to restore.")])
    {
        Description = """
            The new revision has REV's files (same content hash) and records REV as restored_from. The files are linted
            and tested again with this version of cfgr first (exit 1 or 4, nothing stored). When REV's content is already
            current, nothing is stored ('unchanged', exit 0).
            """,
    };

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var argument = context.Arguments.Positionals[0];
        var number = PolicyPublishing.ParseRevision(argument, Spec)
            ?? throw new UsageException("'policy rollback' needs a revision number; 'current' is already current.") { Command = Spec };
        return CliTenancy.RunAsync(context, async tenancy =>
        {
            var source = await tenancy.Store.GetPolicyRevisionAsync(number, cancellationToken).ConfigureAwait(false)
                ?? throw new CommandFailedException($"there is no policy revision {argument}.");
            if (await PolicyPublishing.LintAndTestAsync(context, source.Files, PolicyRevisionLoader.DisplayRoot(number), cancellationToken).ConfigureAwait(false) is { } refused)
            {
                return refused;
            }

            var message = context.Arguments.Value("--message");
            var draft = new PolicyRevisionDraft(source.Files, PolicyPublishing.Author(context), message) { RestoredFrom = number };
            var result = await tenancy.Store.PublishPolicyRevisionAsync(draft, cancellationToken).ConfigureAwait(false);

            // TODO(#14): record a 'policy.rollback' audit event here once the audit log is on main.
            PolicyPushCommand.Print(context, result);
            return ExitCodes.Ok;
        });
    }
}
