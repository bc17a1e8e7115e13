using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Cli.Tenancy;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr route</c>: which provider, model, base URL and key a completion uses, and what it falls back to.</summary>
internal sealed class RouteCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "route",
        "Answer which provider and model a completion uses (and its fallbacks), as LAMB's completion pipeline asks it.",
        CommonOptions.OrganizationOrUserOrg,
        new OptionSpec("--user", "email", "A user: routes through their default organization, or the system organization if they have none."),
        CommonOptions.Setup,
        new OptionSpec("--model", "model", "The model the request asks for."),
        new OptionSpec("--provider", "name", "The provider the request asks for."),
        CliCommerce.Team(required: false) with { Description = "A team of the organization: only its model groups' models, in their priority order (refusals say which were skipped and why)." },
        new OptionSpec("--explain", null, "Print every candidate with why it is there, and what was refused and why."),
        new OptionSpec("--json", null, "Print {\"org\", \"setup\", \"candidates\": [{provider, model, base_url, api_key, reason}], \"refused\": [{provider, model, reason}]}."))
    {
        Description = """
            Candidates, in order, over enabled providers only: (1) the requested provider and model, if the provider
            lists the model; (2) the setup's global_default_model, if its provider lists it; (3) for a requested
            provider, its default_model if listed, else its first model; (4) every enabled provider with models, in the
            document's order, its default_model or first model. The first candidate is the answer. A provider is refused
            when it is disabled, not configured, lists no models, or has no key while the operator's is not shared.
            Keys print as [redacted]. When nothing qualifies: exit 1 and 'route: error CFG1050: ...' with every refusal.
            """,
    };

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var args = context.Arguments;
        var (org, user) = CommonOptions.OrganizationOrUser(args, Spec);

        var (setup, model, provider, team) = (args.Value("--setup"), args.Value("--model"), args.Value("--provider"), args.Value("--team"));
        return CliTenancy.RunAsync(context, async tenancy =>
        {
            using var resolver = tenancy.CreateResolver(CliTenancy.Environment(context));
            var route = team is not null
                ? await TeamRouteAsync(tenancy, resolver, org, user, team, setup, model, provider, cancellationToken).ConfigureAwait(false)
                : org is not null
                ? await resolver.ResolveCompletionAsync(org, setup, model, provider, cancellationToken).ConfigureAwait(false)
                : await resolver.ResolveCompletionForUserByEmailAsync(user!, setup, model, provider, cancellationToken).ConfigureAwait(false);
            if (args.Json)
            {
                context.Print(RouteRenderer.Json(route));
                return ExitCodes.Ok;
            }

            if (user is not null)
            {
                context.Print($"user '{user}' routes through org '{route.OrganizationSlug}'");
            }

            foreach (var line in RouteRenderer.Lines(route, args.Has("--explain")))
            {
                context.Print(line);
            }

            return ExitCodes.Ok;
        });
    }

    private static async Task<Routing.CompletionRoute> TeamRouteAsync(
        Stores.StoreTenancy tenancy, Resolution.TenantConfigResolver resolver, string? org, string? user, string team, string? setup, string? model, string? provider, CancellationToken cancellationToken)
    {
        var config = org is not null
            ? await resolver.ResolveAsync(org, setup, cancellationToken).ConfigureAwait(false)
            : await resolver.ResolveForUserByEmailAsync(user!, setup, cancellationToken).ConfigureAwait(false);
        var organization = await tenancy.Store.FindOrganizationBySlugAsync(config.OrganizationSlug, cancellationToken).ConfigureAwait(false);
        var state = await tenancy.Store.GetCommerceAsync(organization!.Id, cancellationToken).ConfigureAwait(false);
        return Routing.TeamRouting.For(state, config.OrganizationSlug, team).Route(config, model, provider);
    }
}
