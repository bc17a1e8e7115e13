using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Cli.Tenancy;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr invite resend</c>: a new token and expiry for a pending invitation; the old token stops working.</summary>
internal sealed class InviteResendCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "invite resend",
        "Issue a new token for a pending invitation (the old one stops working); prints it once.",
        [AccessOptionSpecs.Organization, CommonOptions.Json],
        [new ArgumentSpec("ID", "The invitation's id (from 'cfgr invite list').")]);

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return CliTenancy.RunAsync(context, async tenancy =>
        {
            using var access = CliAccess.Open(context, tenancy);
            var resent = await access.Invitations().ResendAsync(context.Arguments.Required("--org"), context.Arguments.Positionals[0], cancellationToken).ConfigureAwait(false);
            AccessOutput.Token(context, resent.Invitation, resent.Token.Reveal(), "resent");
            return ExitCodes.Ok;
        });
    }
}
