using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Cli.Tenancy;
using ConfigResolver.Commerce;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr org plan set S PLAN</c>: puts an organization on a plan, refusing a downgrade it already exceeds unless forced.</summary>
internal sealed class OrgPlanSetCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "org plan set",
        "Put an organization on a plan of the catalog (an audited write); optionally set its billing fields.",
        [
            new OptionSpec("--force", null, "Apply the plan even if the organization already exceeds it (the plan is flagged 'forced')."),
            new OptionSpec("--billing-email", "email", "The billing contact."),
            new OptionSpec("--stripe-customer", "id", "The Stripe customer id."),
            new OptionSpec("--lago-customer", "id", "The Lago customer id."),
            new OptionSpec("--domain", "domain", "The organization's domain."),
            CliCommerce.Policies,
            CommonOptions.Json,
        ],
        [new ArgumentSpec("slug", "The organization.", Required: true), new ArgumentSpec("plan", "The plan (cfgr plan list).", Required: true)])
    {
        Description = """
            A plan the organization already exceeds (members and pending invitations, API keys, teams, credits allocated to
            teams) is refused with what exceeds and by how much (QTA6004, exit 1), unless --force.
            """,
    };

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var args = context.Arguments;
        var (slug, plan) = (args.Positionals[0], args.Positionals[1]);
        var billing = new OrganizationPlan(plan, PlanLimits.Unlimited)
        {
            BillingEmail = args.Value("--billing-email"),
            StripeCustomerId = args.Value("--stripe-customer"),
            LagoCustomerId = args.Value("--lago-customer"),
            Domain = args.Value("--domain"),
        };
        return CliTenancy.RunAsync(context, async tenancy =>
        {
            var state = await CliCommerce.Service(context, tenancy).SetPlanAsync(slug, plan, args.Has("--force"), billing, cancellationToken).ConfigureAwait(false);
            var applied = state.Plan!;
            if (args.Json)
            {
                context.PrintJson(new Dictionary<string, object?>
                {
                    ["org"] = slug,
                    ["plan"] = applied.Name,
                    ["forced"] = applied.Forced,
                    ["limits"] = CommerceOutput.Limits(applied.Limits),
                    ["billing"] = new Dictionary<string, object?> { ["email"] = applied.BillingEmail, ["stripe"] = applied.StripeCustomerId, ["lago"] = applied.LagoCustomerId, ["domain"] = applied.Domain },
                });
                return ExitCodes.Ok;
            }

            context.Print($"org '{slug}' is now on plan '{applied.Name}'" + (applied.Forced ? " (forced: it exceeds the plan's limits; cfgr quota show tells by how much)." : "."));
            return ExitCodes.Ok;
        });
    }
}
