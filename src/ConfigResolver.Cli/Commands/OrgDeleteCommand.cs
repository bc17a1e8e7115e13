using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Tenancy;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr org delete</c>: deletes an organization and its memberships.</summary>
internal sealed class OrgDeleteCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "org delete",
        "Delete an organization and its memberships (never the system organization).",
        [CommonOptions.Organization, CommonOptions.Json],
        [CommonOptions.OrganizationPositional])
    {
        Description = "Members whose default organization it was move to their remaining membership with the lowest slug, or to none.",
    };

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var slug = context.Arguments.Organization();
        return CliTenancy.RunAsync(context, async tenancy =>
        {
            await tenancy.Administration.DeleteOrganizationAsync(slug, cancellationToken).ConfigureAwait(false);
            if (context.Arguments.Json)
            {
                context.PrintJson(new { deleted = slug });
            }
            else
            {
                context.Print($"deleted org '{slug}'.");
            }

            return ExitCodes.Ok;
        });
    }
}
