using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Cli.Tenancy;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr plan list</c>: the plan catalog (shipped, or a deployment's plans.yaml).</summary>
internal sealed class PlanListCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "plan list",
        "List the plans organizations can be on and what each allows (null or 'unlimited': no limit).",
        CliCommerce.Policies,
        CommonOptions.Json)
    {
        Description = "The catalog is policies/plans.yaml, shipped inside cfgr; a deployment replaces it with DIR/plans.yaml and --policies DIR.",
    };

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var catalog = CliCommerce.Catalog(context);
        if (context.Arguments.Json)
        {
            context.PrintJson(catalog.Plans.Select(p => CommerceOutput.Plan(p, p.Name == catalog.DefaultPlan)).ToArray());
            return Task.FromResult(ExitCodes.Ok);
        }

        foreach (var plan in catalog.Plans)
        {
            var l = plan.Limits;
            context.Print($"{plan.Name}{(plan.Name == catalog.DefaultPlan ? " (default)" : string.Empty)}: members {N(l.Members)}, api keys {N(l.ApiKeys)}, teams {N(l.Teams)}, "
                + $"api calls/month {N(l.ApiCallsPerMonth)}, tokens/month {N(l.TokensPerMonth)}, storage {N(l.StorageGb)} GB, credits/month {N(l.CreditsPerMonth)}; "
                + $"features: {(l.Features.IsEmpty ? "none" : string.Join(", ", l.Features))}");
        }

        return Task.FromResult(ExitCodes.Ok);
    }

    private static string N(long? value) => value is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unlimited";
}
