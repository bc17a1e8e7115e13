using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Cli.Tenancy;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr member remove</c>: removes a user from an organization.</summary>
internal sealed class MemberRemoveCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "member remove",
        "Remove a user from an organization (never its last owner).",
        new OptionSpec("--org", "slug", "The organization.", Required: true),
        new OptionSpec("--email", "email", "The user.", Required: true),
        CommonOptions.Json)
    {
        Description = "If it was the user's default organization, their remaining membership with the lowest slug becomes the default, or none.",
    };

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var slug = context.Arguments.Required("--org");
        var email = context.Arguments.Required("--email");
        return CliTenancy.RunAsync(context, async tenancy =>
        {
            await tenancy.Administration.RemoveMembershipAsync(slug, email, cancellationToken).ConfigureAwait(false);
            if (context.Arguments.Json)
            {
                context.PrintJson(TenancyJson.Membership(slug, email, role: null));
                return ExitCodes.Ok;
            }

            context.Print($"removed '{email}' from org '{slug}'.");
            return ExitCodes.Ok;
        });
    }
}
