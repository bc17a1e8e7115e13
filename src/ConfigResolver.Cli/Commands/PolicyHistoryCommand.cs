using System.Globalization;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Inputs;
using ConfigResolver.Cli.Tenancy;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr policy history [--limit N]</c>: the store's policy revisions, newest (current) first.</summary>
internal sealed class PolicyHistoryCommand : ICliCommand
{
    private const int DefaultLimit = 50;

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "policy history",
        "List the policy revisions stored in --db, newest (current) first.",
        new OptionSpec("--limit", "N", $"Show at most N revisions (default {DefaultLimit})."),
        new OptionSpec("--json", null, "Print one JSON array: [{\"revision\", \"content_hash\", \"author\", \"created_at\", \"message\", \"restored_from\", \"store_revision\", \"files\", \"current\"}]."))
    {
        Description = "One line per revision: number, time (UTC), author, content hash, file count, message; the first is current.",
    };

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limitText = context.Arguments.Value("--limit");
        var limit = DefaultLimit;
        if (limitText is not null && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1))
        {
            throw new UsageException($"'--limit' expects a whole number from 1; found '{limitText}'.") { Command = Spec };
        }

        return CliTenancy.RunAsync(context, async tenancy =>
        {
            var revisions = await tenancy.Store.ListPolicyRevisionsAsync(limit, cancellationToken).ConfigureAwait(false);
            if (context.Arguments.Json)
            {
                context.PrintJson(revisions.Select((r, i) =>
                {
                    var body = PolicyPublishing.Json(r);
                    body["current"] = i == 0;
                    return body;
                }).ToArray());
                return ExitCodes.Ok;
            }

            if (revisions.IsEmpty)
            {
                context.Print("no policy revision has been pushed; 'cfgr policy push DIR' stores the first one.");
            }

            for (var i = 0; i < revisions.Length; i++)
            {
                context.Print((i == 0 ? "* " : "  ") + PolicyPublishing.Line(revisions[i]));
            }

            return ExitCodes.Ok;
        });
    }
}
