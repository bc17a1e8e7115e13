using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Cli.Tenancy;
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
        return CliTenancy.RunAsync(
            context,
            async tenancy =>
            {
                var organization = await tenancy.Administration.CreateOrganizationAsync(request, cancellationToken).ConfigureAwait(false);
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
