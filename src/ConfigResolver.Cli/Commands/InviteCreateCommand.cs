using ConfigResolver.Auditing;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Cli.Tenancy;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr invite create</c>: invites an email into an organization with a role; prints the token once.</summary>
internal sealed class InviteCreateCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "invite create",
        "Invite an email into an organization with a role; prints the invitation token once.",
        AccessOptionSpecs.Organization,
        new OptionSpec("--email", "E", "The invited email.", Required: true),
        new OptionSpec("--role", "R", "owner, admin, member or viewer.", Required: true),
        new OptionSpec("--by", "E", "The inviting member: they need 'users:write' and may not give a higher role than theirs; audited as them."),
        new OptionSpec("--message", "M", "A message for the invitee."),
        AccessOptionSpecs.Policies,
        CommonOptions.Json)
    {
        Description = """
            The token is printed once, alone on standard output (a note goes to standard error), or as "token" with --json;
            only its hash is stored. It expires after 7 days; 'cfgr invite resend' issues a new one.
            Without --by the invitation is made by the operator ('cli' in the audit log) and any role may be given.
            """,
    };

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var args = context.Arguments;
        var role = ParseRole(args.Required("--role"), Spec);
        return CliTenancy.RunAsync(context, async tenancy =>
        {
            using var actor = args.Value("--by") is { } by ? AuditActor.Use(AuditActor.User(by)) : null;
            using var access = await CliAccess.Open(context, tenancy).LoadAsync(cancellationToken).ConfigureAwait(false);
            var issued = await access.Invitations().CreateAsync(args.Required("--org"), args.Required("--email"), role, args.Value("--by"), args.Value("--message"), cancellationToken).ConfigureAwait(false);
            AccessOutput.Token(context, issued.Invitation, issued.Token.Reveal(), "created");
            return ExitCodes.Ok;
        });
    }

    internal static MembershipRole ParseRole(string name, CommandSpec spec) =>
        TenancyNames.TryParseRole(name, out var role)
            ? role
            : throw new UsageException($"unknown role '{name}'; expected one of 'owner', 'admin', 'member', 'viewer'.") { Command = spec };
}
