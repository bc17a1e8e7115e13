using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Cli.Tenancy;
using ConfigResolver.Validation;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr org config set</c>: validates a configuration document and replaces an organization's with it.</summary>
internal sealed class OrgConfigSetCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "org config set",
        "Replace an organization's configuration document after validating it.",
        [CommonOptions.Organization, new OptionSpec("--file", "file.json", "The new document; '-' reads standard input.", Required: true), CommonOptions.Json],
        [CommonOptions.OrganizationPositional])
    {
        Description = """
            Every problem is printed, one line each, and nothing changes (exit 1): invalid JSON (with the file's line
            and column), schema violations, a default_model not in models, a malformed signup key or one another
            organization uses.
            """,
    };

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var slug = context.Arguments.Organization();
        var path = context.Arguments.Required("--file");
        var json = context.ReadText(path, "configuration", DocumentLimits.Default.MaxDocumentBytes);
        return CliTenancy.RunAsync(
            context,
            async tenancy =>
            {
                var organization = await tenancy.Administration.SetConfigAsync(slug, json, cancellationToken).ConfigureAwait(false);
                if (context.Arguments.Json)
                {
                    context.PrintJson(TenancyJson.Organization(organization));
                    return ExitCodes.Ok;
                }

                var setups = organization.Config.SetupNames.IsEmpty ? "none" : string.Join(", ", organization.Config.SetupNames);
                context.Print($"updated the configuration of org '{organization.Slug}'; setups: {setups}.");
                return ExitCodes.Ok;
            },
            path);
    }
}
