using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Cli.Tenancy;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr member set</c>: gives a user a role in an organization, adding the membership if needed.</summary>
internal sealed class MemberSetCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "member set",
        "Give a user a role in an organization (owner, admin, member or viewer).",
        new OptionSpec("--org", "slug", "The organization.", Required: true),
        new OptionSpec("--email", "email", "The user.", Required: true),
        new OptionSpec("--role", "role", "owner, admin, member or viewer.", Required: true),
        CommonOptions.Json)
    {
        Description = """
            An organization's first member must be an owner, and its last owner cannot be demoted.
            A user's first membership becomes their default organization.
            """,
    };

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var args = context.Arguments;
        var roleName = args.Required("--role");
        var role = TenancyNames.TryParseRole(roleName, out var parsed)
            ? parsed
            : throw new UsageException($"unknown role '{roleName}'; expected one of 'owner', 'admin', 'member', 'viewer'.") { Command = Spec };
        var slug = args.Required("--org");
        var email = args.Required("--email");
        return CliTenancy.RunAsync(context, async tenancy =>
        {
            await tenancy.Administration.SetMembershipAsync(slug, email, role, cancellationToken).ConfigureAwait(false);
            if (context.Arguments.Json)
            {
                context.PrintJson(TenancyJson.Membership(slug, email, role));
                return ExitCodes.Ok;
            }

            context.Print($"'{email}' is now {TenancyNames.ToName(role)} of org '{slug}'.");
            return ExitCodes.Ok;
        });
    }
}
