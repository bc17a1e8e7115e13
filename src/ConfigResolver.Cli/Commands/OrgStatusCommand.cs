using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Tenancy;
using ConfigResolver.Tenancy;
using ConfigResolver.Validation;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr org status</c>: shows or changes an organization's status (the system organization stays active).</summary>
internal sealed class OrgStatusCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "org status",
        "Show an organization's status, or change it with --set active|suspended|trial.",
        [CommonOptions.Organization, new OptionSpec("--set", "status", "The new status: active, suspended or trial."), CommonOptions.Json],
        [CommonOptions.OrganizationPositional]);

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var slug = context.Arguments.Organization();
        OrganizationStatus? status = null;
        if (context.Arguments.Value("--set") is { } name)
        {
            status = TenancyNames.TryParseStatus(name, out var parsed)
                ? parsed
                : throw new UsageException($"unknown status '{name}'; expected one of 'active', 'suspended', 'trial'.") { Command = Spec };
        }

        return CliTenancy.RunAsync(context, async tenancy =>
        {
            if (status is { } target)
            {
                var updated = await tenancy.Administration.SetStatusAsync(slug, target, cancellationToken).ConfigureAwait(false);
                Print(context, updated, $"org '{updated.Slug}' is now {TenancyNames.ToName(updated.Status)}.");
                return ExitCodes.Ok;
            }

            var organization = await tenancy.Store.FindOrganizationBySlugAsync(slug, cancellationToken).ConfigureAwait(false)
                ?? throw new TenantValidationException([TenancyDiagnostics.UnknownOrganization(slug)]);
            Print(context, organization, $"org '{organization.Slug}' is {TenancyNames.ToName(organization.Status)}.");
            return ExitCodes.Ok;
        });
    }

    private static void Print(CommandContext context, Organization organization, string text)
    {
        if (context.Arguments.Json)
        {
            context.PrintJson(new { org = organization.Slug, status = TenancyNames.ToName(organization.Status) });
        }
        else
        {
            context.Print(text);
        }
    }
}
