using System.Globalization;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Cli.Tenancy;
using ConfigResolver.Usage;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr usage consume</c>: consumes units of a meter, as a completion pipeline would (for operators and tests).</summary>
internal sealed class UsageConsumeCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "usage consume",
        "Consume units of a monthly meter for an organization (and team); refused beyond the plan (exit 3).",
        new OptionSpec("--org", "slug", "The organization.", Required: true),
        CliCommerce.Team(required: false),
        new OptionSpec("--meter", "name", "api_calls, tokens, credits or a meter the plan names.", Required: true),
        new OptionSpec("--amount", "N", "Units to consume (a whole number, at least 1).", Required: true),
        CommonOptions.Json)
    {
        Description = """
            Runs one UsageMeter: reserves a lease in the store, consumes from it and settles it before exiting, so the
            store records exactly the units consumed. A refusal prints 'refused' and exits 3, like a denied check.
            """,
    };

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var args = context.Arguments;
        var (slug, team, meter) = (args.Required("--org"), args.Value("--team"), args.Required("--meter"));
        var text = args.Required("--amount");
        var amount = long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1
            ? n
            : throw new UsageException($"--amount: expected a whole number of at least 1; found '{text}'.") { Command = Spec };
        return CliTenancy.RunAsync(context, async tenancy =>
        {
            var organization = await CliCommerce.Service(context, tenancy).RequireOrganizationAsync(slug, cancellationToken).ConfigureAwait(false);
            UsageDecision decision;
            var usage = new UsageMeter(tenancy.Store, context.Console.Clock, new UsageMeterOptions { InitialLease = 1 });
            await using (usage.ConfigureAwait(false))
            {
                decision = await usage.TryConsumeAsync(organization.Id, team, meter, amount, cancellationToken).ConfigureAwait(false);
            }

            if (args.Json)
            {
                context.PrintJson(CommerceOutput.Decision(slug, team, meter, amount, decision));
            }
            else
            {
                var remaining = decision.Remaining is { } r ? r.ToString(CultureInfo.InvariantCulture) : "unlimited";
                context.Print($"{context.Verdict(decision.Allowed ? "allowed" : "refused", decision.Allowed)}: {amount} {meter} for org '{slug}'{(team is null ? string.Empty : $", team '{team}'")}; remaining this month: {remaining}.");
            }

            return decision.Allowed ? ExitCodes.Ok : ExitCodes.Denied;
        });
    }
}
