using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Cli.Tenancy;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr team list</c>: an organization's teams with their members, model groups and credits.</summary>
internal sealed class TeamListCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "team list",
        "List an organization's teams: members, model groups, credits.",
        [CommonOptions.Organization, CommonOptions.Json],
        [CommonOptions.OrganizationPositional]);

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var slug = context.Arguments.Organization();
        return CliTenancy.RunAsync(context, async tenancy =>
        {
            var state = await CliCommerce.Service(context, tenancy).GetAsync(slug, cancellationToken).ConfigureAwait(false);
            var emails = new Dictionary<Guid, string>();
            foreach (var id in state.Teams.SelectMany(static t => t.Members).Distinct())
            {
                emails[id] = (await tenancy.Store.GetUserAsync(id, cancellationToken).ConfigureAwait(false))?.Email ?? id.ToString("D");
            }

            if (context.Arguments.Json)
            {
                context.PrintJson(state.Teams.Select(t => CommerceOutput.Team(t, emails)).ToArray());
                return ExitCodes.Ok;
            }

            if (state.Teams.IsEmpty)
            {
                context.Print("no teams.");
                return ExitCodes.Ok;
            }

            foreach (var team in state.Teams)
            {
                var members = team.Members.IsEmpty ? "no members" : "members: " + string.Join(", ", team.Members.Select(id => emails[id]));
                var groups = team.ModelGroups.IsEmpty ? "all models" : "model groups: " + string.Join(", ", team.ModelGroups);
                context.Print($"{team.Name}{(team.IsDefault ? " (default)" : string.Empty)}: {members}; {groups}" + (team.Credits is { } c ? $"; credits: {c}" : string.Empty));
            }

            return ExitCodes.Ok;
        });
    }
}
