using ConfigResolver.Authorization.Compilation;
using ConfigResolver.Authorization.Impact;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Inputs;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Cli.Tenancy;
using ConfigResolver.Diagnostics;
using ConfigResolver.Policy.Diagnostics;

namespace ConfigResolver.Cli.Commands;

/// <summary>
/// <c>cfgr policy diff (OLD_DIR | --from REV) (NEW_DIR | --to REV) [--org S] [--json]</c>: both policies lint and pass
/// their tests, then every decision of every member and API key of every organization is compared; exit 0 no change,
/// 5 changes, 1 error.
/// </summary>
internal sealed class PolicyDiffCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "policy diff",
        "Show whose decisions would change, where and why, if one policy (a directory or a stored revision) replaced another.",
        [
            new OptionSpec("--from", "REV", "Take the old side from the store: a revision number or 'current' (instead of OLD_DIR)."),
            new OptionSpec("--to", "REV", "Take the new side from the store: a revision number or 'current' (instead of NEW_DIR)."),
            new OptionSpec("--org", "slug", "Only this organization (default: every organization)."),
            new OptionSpec("--json", null, "Print one JSON object: {\"from\", \"to\", \"changes\", \"summary\"}."),
        ],
        [new ArgumentSpec("OLD_DIR", "The policy directory in force (unless --from).", Required: false), new ArgumentSpec("NEW_DIR", "The proposed policy directory (unless --to).", Required: false)])
    {
        Description = """
            The two sides: OLD_DIR NEW_DIR; --from REV NEW_DIR (what pushing NEW_DIR would change: --from current);
            OLD_DIR --to REV; or --from REV --to REV (between two stored revisions). REV is a revision number of
            'cfgr policy history' or 'current'; an unknown revision is an error (exit 1). Both sides must lint and
            pass their own tests first; their problems print as 'cfgr policy lint' prints them (file:line:col: error
            CODE: message, exit 1). Then every member, platform administrator and live API key of every organization
            in the store (--db) is checked on every declared action without a resource, on each resource a rule
            selecting it names, and on each provider/<name> of the organization when such a rule reads the resource,
            under both policies. Each decision that differs is listed by organization and principal with the rule or
            grant that decided before and after. Exit 0 when nothing changes, 5 when something does (so CI can gate
            a policy change).
            """,
    };

    /// <inheritdoc />
    public async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (from, to) = PolicyDiffSide.Read(context.Arguments, Spec);
        var (before, after) = LoadDirectories(context, from, to);
        var organization = context.Arguments.Value("--org");
        return await CliTenancy.RunAsync(context, async tenancy =>
        {
            var (fromShown, toShown) = (from.Directory!, to.Directory!);
            if (from.IsRevision)
            {
                (before, fromShown) = await from.LoadRevisionAsync(context, tenancy.Store, Spec, cancellationToken).ConfigureAwait(false);
            }

            if (to.IsRevision)
            {
                (after, toShown) = await to.LoadRevisionAsync(context, tenancy.Store, Spec, cancellationToken).ConfigureAwait(false);
            }

            await VerifyAsync(before!, after!, cancellationToken).ConfigureAwait(false);
            using var resolver = tenancy.CreateResolver(CliTenancy.Environment(context));
            var facts = await Authorization.TenantFacts.LoadAsync(tenancy.Store, resolver, cancellationToken).ConfigureAwait(false);
            var clock = context.Console.Clock;
            var population = await ImpactPopulation.LoadAsync(tenancy.Store, facts, clock.GetUtcNow(), organization, cancellationToken).ConfigureAwait(false);
            var impact = ImpactAnalyzer.Compare(before!, after!, facts, population, clock, cancellationToken);
            foreach (var line in context.Arguments.Json
                ? [JsonOutput.Serialize(PolicyImpactRenderer.Json(fromShown, toShown, impact))]
                : PolicyImpactRenderer.Render(fromShown, toShown, impact, population))
            {
                context.Print(line);
            }

            return impact.HasChanges ? ExitCodes.Changes : ExitCodes.Ok;
        }).ConfigureAwait(false);
    }

    /// <summary>Runs both sides' tests; the problems of both are reported at once.</summary>
    private static async Task VerifyAsync(CompiledPolicy before, CompiledPolicy after, CancellationToken cancellationToken)
    {
        var problems = new List<Diagnostic>();
        foreach (var policy in new[] { before, after })
        {
            try
            {
                await ImpactAnalyzer.VerifyAsync(policy, cancellationToken).ConfigureAwait(false);
            }
            catch (PolicyCompilationException e)
            {
                problems.AddRange(e.Diagnostics);
            }
        }

        if (problems.Count > 0)
        {
            throw new PolicyCompilationException(problems);
        }
    }

    /// <summary>Compiles the directory sides (before the store opens) and reports the problems of both at once.</summary>
    private static (CompiledPolicy? Before, CompiledPolicy? After) LoadDirectories(CommandContext context, PolicyDiffSide from, PolicyDiffSide to)
    {
        var problems = new List<Diagnostic>();
        CompiledPolicy? Load(PolicyDiffSide side)
        {
            try
            {
                return side.IsRevision ? null : side.LoadDirectory(context);
            }
            catch (PolicyCompilationException e)
            {
                problems.AddRange(e.Diagnostics);
                return null;
            }
        }

        var (before, after) = (Load(from), Load(to));
        return problems.Count > 0 ? throw new PolicyCompilationException(problems) : (before, after);
    }
}
