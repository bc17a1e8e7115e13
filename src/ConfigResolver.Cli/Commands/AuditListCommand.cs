using System.Globalization;
using ConfigResolver.Auditing;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Cli.Tenancy;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr audit list</c>: the newest audit events, filtered by organization, actor, action and time.</summary>
internal sealed class AuditListCommand : ICliCommand
{
    private static readonly string[] s_heading = ["id", "time", "actor", "action", "org", "target", "changes"];

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "audit list",
        "List audit events, newest first: who changed what, when (secrets as fingerprints).",
        new OptionSpec("--org", "slug", "Only this organization's events."),
        new OptionSpec("--actor", "A", "Only this actor's: cli, system, user:<email>, apikey:<id>."),
        new OptionSpec("--action", "A", "Only this action (apikey.create), or a prefix ending in '*' (apikey.*)."),
        new OptionSpec("--since", "T", "Only events at or after this time (2026-01-15T00:00:00Z)."),
        new OptionSpec("--limit", "N", "At most N events (default 50, at most 1000)."),
        new OptionSpec("--before", "ID", "Only events older than this id (the next page after a listing that ended at ID)."),
        CommonOptions.Json)
    {
        Description = """
            Every administrative write appends one event in its own transaction: organizations, configuration, status,
            plan, users, memberships, API keys, invitations and sign-ups (docs/access.md lists the actions). Secrets in
            'changes' are fingerprints, sha256: and the first 8 hex characters of their hash, so a rotation shows as a
            change without the value. Events cannot be changed or deleted.
            """,
    };

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var args = context.Arguments;
        var query = new AuditQuery
        {
            Organization = args.Value("--org"),
            Actor = args.Value("--actor"),
            Action = args.Value("--action"),
            Since = args.Value("--since") is { } since ? ApiKeyCreateCommand.ParseTime(since, Spec) : null,
            Limit = Number(args.Value("--limit"), 50, AuditQuery.MaxLimit, "--limit"),
            Before = args.Value("--before") is { } before ? Number(before, 0, int.MaxValue, "--before") : null,
        };
        return CliTenancy.RunAsync(context, async tenancy =>
        {
            var page = await tenancy.Store.QueryAuditAsync(query, cancellationToken).ConfigureAwait(false);
            if (args.Json)
            {
                context.PrintJson(page.Events.Select(AccessJson.Audit).ToArray());
                return ExitCodes.Ok;
            }

            if (page.Events.IsEmpty)
            {
                context.Print("no audit events.");
                return ExitCodes.Ok;
            }

            var rows = new List<string[]> { s_heading };
            rows.AddRange(page.Events.Select(e => new[]
            {
                e.Id.ToString(CultureInfo.InvariantCulture), AccessOutput.Time(e.Time)!, e.Actor, e.Action, e.Organization ?? "-", e.Target ?? "-", e.Changes,
            }));
            foreach (var line in AccessOutput.Columns(rows))
            {
                context.Print(line);
            }

            if (page.NextBefore is { } next)
            {
                context.Print($"(more: --before {next.ToString(CultureInfo.InvariantCulture)})");
            }

            return ExitCodes.Ok;
        });
    }

    private int Number(string? text, int fallback, int max, string option) =>
        text is null ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= max ? value
        : throw new UsageException($"expected {option} to be a whole number from 1 to {max}; found '{text}'.") { Command = Spec };
}
