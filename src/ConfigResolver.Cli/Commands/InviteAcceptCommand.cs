using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Cli.Tenancy;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr invite accept</c>: the invited user joins (and is created when no user has the email).</summary>
internal sealed class InviteAcceptCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "invite accept",
        "Accept an invitation as the invited email: that user joins the organization with the invited role.",
        [new OptionSpec("--email", "E", "The accepting user's email; it must be the invited one.", Required: true), new OptionSpec("--name", "N", "The name of a user created now."), CommonOptions.Json],
        [new ArgumentSpec("TOKEN", "The invitation token ('-' reads it from standard input).")])
    {
        Description = """
            A user with the email is created when there is none. Accepting never lowers an existing member's role.
            Failures each have their own code (ACC5201 unknown token, ACC5202 expired, ACC5203 cancelled, ACC5204 already
            accepted, ACC5205 another email) and never name the organization.
            """,
    };

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var token = context.Arguments.Positionals[0] == "-" ? context.ReadText("-", "invitation token", 4096).Trim() : context.Arguments.Positionals[0];
        return CliTenancy.RunAsync(context, async tenancy =>
        {
            using var access = CliAccess.Open(context, tenancy);
            var joined = await access.Invitations().AcceptAsync(token, context.Arguments.Required("--email"), context.Arguments.Value("--name"), cancellationToken).ConfigureAwait(false);
            if (context.Arguments.Json)
            {
                context.PrintJson(AccessJson.Joined(joined));
                return ExitCodes.Ok;
            }

            context.Print($"'{joined.User.Email}' joined org '{joined.Organization.Slug}' as {TenancyNames.ToName(joined.Role)}{(joined.UserCreated ? " (new user)" : string.Empty)}.");
            return ExitCodes.Ok;
        });
    }
}
