using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Tenancy;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr team member add</c>: adds a member of the organization to one of its teams.</summary>
internal sealed class TeamMemberAddCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "team member add",
        "Add a member of the organization to a team (QTA6013 when they are not a member of the organization).",
        new OptionSpec("--org", "slug", "The organization.", Required: true),
        CliCommerce.Team(required: true),
        new OptionSpec("--email", "email", "The user.", Required: true),
        CommonOptions.Json);

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken) => TeamMemberChange.RunAsync(context, adding: true, cancellationToken);
}
