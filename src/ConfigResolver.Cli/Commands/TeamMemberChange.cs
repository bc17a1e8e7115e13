using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Tenancy;

namespace ConfigResolver.Cli.Commands;

/// <summary>The work shared by <c>team member add</c> and <c>team member remove</c>.</summary>
internal static class TeamMemberChange
{
    public static Task<int> RunAsync(CommandContext context, bool adding, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var args = context.Arguments;
        var (slug, team, email) = (args.Required("--org"), args.Required("--team"), args.Required("--email"));
        return CliTenancy.RunAsync(context, async tenancy =>
        {
            var service = CliCommerce.Service(context, tenancy);
            _ = adding
                ? await service.AddTeamMemberAsync(slug, team, email, cancellationToken).ConfigureAwait(false)
                : await service.RemoveTeamMemberAsync(slug, team, email, cancellationToken).ConfigureAwait(false);
            if (args.Json)
            {
                context.PrintJson(new Dictionary<string, object?> { ["org"] = slug, ["team"] = team, ["email"] = email, ["member"] = adding });
                return ExitCodes.Ok;
            }

            context.Print(adding ? $"'{email}' is now a member of team '{team}' of org '{slug}'." : $"'{email}' is no longer a member of team '{team}' of org '{slug}'.");
            return ExitCodes.Ok;
        });
    }
}
