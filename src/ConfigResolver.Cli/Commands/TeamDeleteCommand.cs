using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Tenancy;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr team delete</c>: removes a team (not the organization's default team).</summary>
internal sealed class TeamDeleteCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "team delete",
        "Delete a team (the default team cannot be deleted: QTA6016).",
        new OptionSpec("--org", "slug", "The organization.", Required: true),
        new OptionSpec("--name", "name", "The team.", Required: true) { Aliases = ["--team"] },
        CommonOptions.Json);

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var args = context.Arguments;
        var (slug, name) = (args.Required("--org"), args.Required("--name"));
        return CliTenancy.RunAsync(context, async tenancy =>
        {
            await CliCommerce.Service(context, tenancy).DeleteTeamAsync(slug, name, cancellationToken).ConfigureAwait(false);
            if (args.Json)
            {
                context.PrintJson(new Dictionary<string, object?> { ["org"] = slug, ["team"] = name, ["deleted"] = true });
                return ExitCodes.Ok;
            }

            context.Print($"deleted team '{name}' of org '{slug}'.");
            return ExitCodes.Ok;
        });
    }
}
