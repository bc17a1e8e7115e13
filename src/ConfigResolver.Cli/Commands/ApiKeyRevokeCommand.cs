using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Cli.Tenancy;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr apikey revoke</c>: revokes a key; every instance refuses it from its next request on.</summary>
internal sealed class ApiKeyRevokeCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "apikey revoke",
        "Revoke an API key: it, and every token issued from it, stops working.",
        [AccessOptionSpecs.Organization, CommonOptions.Json],
        [new ArgumentSpec("ID", "The key's id (from 'cfgr apikey list').")]);

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return CliTenancy.RunAsync(context, async tenancy =>
        {
            using var access = CliAccess.Open(context, tenancy);
            var key = await access.Keys().RevokeApiKeyAsync(context.Arguments.Required("--org"), context.Arguments.Positionals[0], cancellationToken).ConfigureAwait(false);
            if (context.Arguments.Json)
            {
                var body = AccessJson.Key(key);
                body["revoked_at"] = AccessJson.Time(key.RevokedAt);
                context.PrintJson(body);
                return ExitCodes.Ok;
            }

            context.Print($"revoked API key {key.Id:D} '{key.Name}' of org '{key.OrganizationSlug}'.");
            return ExitCodes.Ok;
        });
    }
}
