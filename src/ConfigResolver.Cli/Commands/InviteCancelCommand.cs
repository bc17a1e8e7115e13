using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Cli.Tenancy;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr invite cancel</c>: cancels a pending invitation; its token stops working.</summary>
internal sealed class InviteCancelCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "invite cancel",
        "Cancel a pending invitation.",
        [AccessOptionSpecs.Organization, CommonOptions.Json],
        [new ArgumentSpec("ID", "The invitation's id (from 'cfgr invite list').")]);

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return CliTenancy.RunAsync(context, async tenancy =>
        {
            using var access = CliAccess.Open(context, tenancy);
            var cancelled = await access.Invitations().CancelAsync(context.Arguments.Required("--org"), context.Arguments.Positionals[0], cancellationToken).ConfigureAwait(false);
            if (context.Arguments.Json)
            {
                var body = AccessJson.Invitation(cancelled);
                body["cancelled_at"] = AccessJson.Time(cancelled.ClosedAt);
                context.PrintJson(body);
                return ExitCodes.Ok;
            }

            context.Print($"cancelled invitation {cancelled.Id:D} for '{cancelled.Email}' to org '{cancelled.OrganizationSlug}'.");
            return ExitCodes.Ok;
        });
    }
}
