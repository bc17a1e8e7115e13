using System.Globalization;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Cli.Tenancy;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr team create</c>: adds a team to an organization, within its plan's teams and credits.</summary>
internal sealed class TeamCreateCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "team create",
        "Create a team in an organization (refused beyond the plan's teams: QTA6003).",
        new OptionSpec("--org", "slug", "The organization.", Required: true),
        new OptionSpec("--name", "name", "The team's name: 1-63 letters, digits, '_', '-' or '.'.", Required: true) { Aliases = ["--team"] },
        new OptionSpec("--credits", "N", "The team's monthly credit allocation, drawn from the organization's (allocations may not exceed the plan's credits: QTA6005)."),
        CommonOptions.Json);

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var args = context.Arguments;
        var (slug, name) = (args.Required("--org"), args.Required("--name"));
        long? credits = args.Value("--credits") is { } text
            ? long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new UsageException($"--credits: expected a whole number of credits; found '{text}'.") { Command = Spec }
            : null;
        return CliTenancy.RunAsync(context, async tenancy =>
        {
            var state = await CliCommerce.Service(context, tenancy).CreateTeamAsync(slug, name, credits, cancellationToken).ConfigureAwait(false);
            if (args.Json)
            {
                context.PrintJson(CommerceOutput.Team(state.FindTeam(name)!, new Dictionary<Guid, string>()));
                return ExitCodes.Ok;
            }

            context.Print($"created team '{name}' in org '{slug}'" + (credits is { } c ? $" with {c.ToString(CultureInfo.InvariantCulture)} credits a month." : "."));
            return ExitCodes.Ok;
        });
    }
}
