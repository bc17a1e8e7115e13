using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Cli.Tenancy;
using ConfigResolver.Commerce;
using ConfigResolver.Tenancy;
using ConfigResolver.Validation;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr org create</c>: creates an organization, validating its configuration document.</summary>
internal sealed class OrgCreateCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "org create",
        "Create an organization, optionally from a configuration file and the system baseline.",
        new OptionSpec("--slug", "slug", "Unique name: 2-63 lowercase letters, digits or hyphens.", Required: true) { Aliases = ["--org"] },
        new OptionSpec("--name", "name", "Display name.", Required: true),
        new OptionSpec("--config", "file.json", "Configuration document (see schemas/org-config.schema.json); '-' reads standard input."),
        new OptionSpec("--baseline", null, "Start from a copy of the system organization's setups; secrets are not copied, --config is laid over it."),
        new OptionSpec("--plan", "name", "Put the organization on a plan of the catalog (cfgr plan list); its quotas apply from the start. Without it no quotas are enforced."),
        new OptionSpec("--no-default-team", null, "Do not create the default team '{slug}_default'."),
        new OptionSpec("--default-team-name", "name", "Name the default team (instead of '{slug}_default')."),
        CliCommerce.Policies,
        CommonOptions.Json)
    {
        Description = """
            The document is validated before anything is stored; every problem is printed, one line each
            (org 'acme': error CFG1003: /setups/default/providers/openai/base_url: ...), and nothing is created (exit 1).
            """,
    };

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var args = context.Arguments;
        var configPath = args.Value("--config");
        var request = new CreateOrganizationRequest
        {
            Slug = args.Required("--slug"),
            Name = args.Required("--name"),
            ConfigJson = configPath is null ? null : context.ReadText(configPath, "configuration", DocumentLimits.Default.MaxDocumentBytes),
            FromSystemBaseline = args.Has("--baseline"),
        };
        if (args.Has("--no-default-team") && args.Has("--default-team-name"))
        {
            throw new UsageException("--no-default-team and --default-team-name exclude each other.") { Command = Spec };
        }

        var plan = args.Value("--plan");
        var catalog = CliCommerce.Catalog(context);
        if (plan is not null && !catalog.TryGet(plan, out _))
        {
            throw new UsageException($"--plan: unknown plan '{plan}'; expected one of {string.Join(", ", catalog.Plans.Select(static p => $"'{p.Name}'"))}.") { Command = Spec };
        }

        request = plan is null ? request : request with { Plan = plan };
        var defaultTeam = args.Has("--no-default-team") ? null : args.Value("--default-team-name") ?? CommerceService.DefaultTeamName(request.Slug);
        return CliTenancy.RunAsync(
            context,
            async tenancy =>
            {
                var organization = await tenancy.Administration.CreateOrganizationAsync(request, cancellationToken).ConfigureAwait(false);
                if (plan is not null || defaultTeam is not null)
                {
                    // A second write: the organization exists even if this one is refused (a malformed team name), and the
                    // error says so; 'cfgr org plan set' and 'cfgr team create' finish the job.
                    await new CommerceService(tenancy.Store, catalog, context.Console.Clock).SetUpOrganizationAsync(organization.Slug, plan, defaultTeam, cancellationToken).ConfigureAwait(false);
                }
                if (context.Arguments.Json)
                {
                    context.PrintJson(TenancyJson.Organization(organization, members: []));
                    return ExitCodes.Ok;
                }

                var setups = organization.Config.SetupNames.IsEmpty ? "none" : string.Join(", ", organization.Config.SetupNames);
                context.Print($"created org '{organization.Slug}' ({organization.Name}); setups: {setups}.");
                return ExitCodes.Ok;
            },
            configPath);
    }
}
