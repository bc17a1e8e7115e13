using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Cli.Tenancy;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr modelgroup list</c>: an organization's model groups and the teams they are assigned to.</summary>
internal sealed class ModelGroupListCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "modelgroup list",
        "List an organization's model groups (models with provider and priority) and the teams using each.",
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
            string[] TeamsOf(string group) => [.. state.Teams.Where(t => t.ModelGroups.Contains(group)).Select(static t => t.Name)];
            if (context.Arguments.Json)
            {
                context.PrintJson(state.ModelGroups.Select(g => new Dictionary<string, object?>(CommerceOutput.Group(g)) { ["teams"] = TeamsOf(g.Name) }).ToArray());
                return ExitCodes.Ok;
            }

            if (state.ModelGroups.IsEmpty)
            {
                context.Print("no model groups.");
                return ExitCodes.Ok;
            }

            foreach (var group in state.ModelGroups)
            {
                var teams = TeamsOf(group.Name);
                context.Print($"{group.Name}: {CommerceOutput.Models(group)}; teams: {(teams.Length == 0 ? "none" : string.Join(", ", teams))}");
            }

            return ExitCodes.Ok;
        });
    }
}
