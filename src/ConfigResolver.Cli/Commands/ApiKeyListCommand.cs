using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Cli.Tenancy;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr apikey list</c>: an organization's keys that are not revoked; never a secret.</summary>
internal sealed class ApiKeyListCommand : ICliCommand
{
    private static readonly string[] s_heading = ["id", "name", "prefix", "scopes", "expires", "last used"];

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec("apikey list", "List an organization's API keys (never their secrets).", AccessOptionSpecs.Organization, CommonOptions.Json)
    {
        Description = "Revoked keys are left out (the audit log keeps them). Last-used times are written in batches, so they may lag by up to 30 seconds.",
    };

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return CliTenancy.RunAsync(context, async tenancy =>
        {
            using var access = CliAccess.Open(context, tenancy);
            var now = context.Console.Clock.GetUtcNow();
            var keys = (await access.Keys().ListApiKeysAsync(context.Arguments.Required("--org"), cancellationToken).ConfigureAwait(false)).Where(static k => k.RevokedAt is null).ToList();
            if (context.Arguments.Json)
            {
                context.PrintJson(keys.Select(k => AccessJson.Key(k)).ToArray());
                return ExitCodes.Ok;
            }

            if (keys.Count == 0)
            {
                context.Print("no API keys.");
                return ExitCodes.Ok;
            }

            var rows = new List<string[]> { s_heading };
            rows.AddRange(keys.Select(k => new[]
            {
                k.Id.ToString("D"),
                k.Name,
                k.Prefix,
                string.Join(",", k.Scopes),
                (AccessOutput.Time(k.ExpiresAt) ?? "never") + (k.IsExpiredAt(now) ? " (expired)" : string.Empty),
                AccessOutput.Time(k.LastUsedAt) ?? "never",
            }));
            foreach (var line in AccessOutput.Columns(rows))
            {
                context.Print(line);
            }

            return ExitCodes.Ok;
        });
    }
}
