using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Cli.Tenancy;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr org list</c>: every organization, the system organization included, by slug.</summary>
internal sealed class OrgListCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec("org list", "List every organization with its status, plan and member count.", CommonOptions.Json);

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return CliTenancy.RunAsync(context, async tenancy =>
        {
            var rows = new List<(Organization, int)>();
            foreach (var organization in await tenancy.Store.ListOrganizationsAsync(cancellationToken).ConfigureAwait(false))
            {
                var members = await tenancy.Store.ListMembershipsOfOrganizationAsync(organization.Id, cancellationToken).ConfigureAwait(false);
                rows.Add((organization, members.Length));
            }

            if (context.Arguments.Json)
            {
                context.PrintJson(rows.Select(static r => TenancyJson.Organization(r.Item1, memberCount: r.Item2)).ToArray());
                return ExitCodes.Ok;
            }

            foreach (var line in OrganizationRenderer.Table(rows))
            {
                context.Print(line);
            }

            return ExitCodes.Ok;
        });
    }
}
