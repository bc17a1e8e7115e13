using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Tenancy;
using ConfigResolver.Commerce;
using ConfigResolver.Routing;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr modelgroup assign</c>: sets a team's model groups; warns about models no enabled provider lists.</summary>
internal sealed class ModelGroupAssignCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "modelgroup assign",
        "Set a team's model groups, in priority order: the team may then use only their models (cfgr route --team).",
        new OptionSpec("--org", "slug", "The organization.", Required: true),
        CliCommerce.Team(required: true),
        new OptionSpec("--group", "name", "A model group, first = highest priority; repeat the option or separate names with commas.", Required: true) { Repeatable = true },
        CommonOptions.Setup,
        CommonOptions.Json)
    {
        Description = """
            A model that no enabled provider of the organization's setup lists is reported as a warning (QTA6030, on
            standard error and in the JSON 'warnings'); the assignment is stored anyway and routing skips that model with
            a reason.
            """,
    };

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var args = context.Arguments;
        var (slug, team) = (args.Required("--org"), args.Required("--team"));
        var groups = args.Values("--group").DefaultIfEmpty(args.Required("--group"))
            .SelectMany(static v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        return CliTenancy.RunAsync(context, async tenancy =>
        {
            var state = await CliCommerce.Service(context, tenancy).AssignModelGroupsAsync(slug, team, groups, cancellationToken).ConfigureAwait(false);
            using var resolver = tenancy.CreateResolver(CliTenancy.Environment(context));
            var config = await resolver.ResolveAsync(slug, args.Value("--setup"), cancellationToken).ConfigureAwait(false);
            var warnings = TeamRouting.For(state, slug, team).Unlisted(config)
                .Select(m => $"org '{slug}': warning {QuotaDiagnosticCodes.UnlistedModel}: model group '{m.Group}': model '{m.Entry.Model}'"
                    + (m.Entry.Provider is { } p ? $" of provider '{p}'" : string.Empty)
                    + $" is not listed by any enabled provider of setup '{config.Setup}'; routing skips it.")
                .ToList();
            foreach (var warning in warnings)
            {
                context.Report(warning);
            }

            if (args.Json)
            {
                context.PrintJson(new Dictionary<string, object?> { ["org"] = slug, ["team"] = team, ["model_groups"] = groups, ["warnings"] = warnings });
                return ExitCodes.Ok;
            }

            context.Print($"team '{team}' of org '{slug}' now uses model groups: {string.Join(", ", groups)}.");
            return ExitCodes.Ok;
        });
    }
}
