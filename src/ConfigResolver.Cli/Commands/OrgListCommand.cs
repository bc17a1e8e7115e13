using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Cli.Tenancy;

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
            // One query for what the list shows; no organization's configuration document is read.
            var rows = await tenancy.Store.ListOrganizationSummariesAsync(cancellationToken).ConfigureAwait(false);
            if (context.Arguments.Json)
            {
                context.PrintJson(rows.Select(TenancyJson.Summary).ToArray());
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
