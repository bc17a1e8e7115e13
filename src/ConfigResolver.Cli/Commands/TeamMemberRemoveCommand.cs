using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Tenancy;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr team member remove</c>: removes a member from a team (they stay in the organization).</summary>
internal sealed class TeamMemberRemoveCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "team member remove",
        "Remove a member from a team; removing them from the organization removes them from its teams too.",
        new OptionSpec("--org", "slug", "The organization.", Required: true),
        CliCommerce.Team(required: true),
        new OptionSpec("--email", "email", "The user.", Required: true),
        CommonOptions.Json);

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken) => TeamMemberChange.RunAsync(context, adding: false, cancellationToken);
}
