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
        [new OptionSpec("--set", "status", "The new status: active, suspended or trial.")],
        [new ArgumentSpec("slug", "The organization.")]);

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var slug = context.Arguments.Positionals[0];
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
                context.Print($"org '{updated.Slug}' is now {TenancyNames.ToName(updated.Status)}.");
                return ExitCodes.Ok;
            }

            var organization = await tenancy.Store.FindOrganizationBySlugAsync(slug, cancellationToken).ConfigureAwait(false)
                ?? throw new TenantValidationException([TenancyDiagnostics.UnknownOrganization(slug)]);
            context.Print($"org '{organization.Slug}' is {TenancyNames.ToName(organization.Status)}.");
            return ExitCodes.Ok;
        });
    }
}
