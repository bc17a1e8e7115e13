using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Cli.Tenancy;
using ConfigResolver.Tenancy;
using ConfigResolver.Validation;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr org show</c>: one organization's details and members (no configuration secrets).</summary>
internal sealed class OrgShowCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "org show",
        "Show an organization: status, plan, times, setups, signup and members.",
        [CommonOptions.Organization, CommonOptions.Json],
        [CommonOptions.OrganizationPositional]);

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var slug = context.Arguments.Organization();
        return CliTenancy.RunAsync(context, async tenancy =>
        {
            var store = tenancy.Store;
            var organization = await store.FindOrganizationBySlugAsync(slug, cancellationToken).ConfigureAwait(false)
                ?? throw new TenantValidationException([TenancyDiagnostics.UnknownOrganization(slug)]);
            var members = new List<(string, MembershipRole, bool)>();
            foreach (var membership in await store.ListMembershipsOfOrganizationAsync(organization.Id, cancellationToken).ConfigureAwait(false))
            {
                var user = await store.GetUserAsync(membership.UserId, cancellationToken).ConfigureAwait(false);
                members.Add((user?.Email ?? membership.UserId.ToString(), membership.Role, user?.DefaultOrganizationId == organization.Id));
            }

            if (context.Arguments.Json)
            {
                context.PrintJson(TenancyJson.Organization(organization, members));
                return ExitCodes.Ok;
            }

            foreach (var line in OrganizationRenderer.Details(organization, members))
            {
                context.Print(line);
            }

            return ExitCodes.Ok;
        });
    }
}
