using System.Globalization;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Cli.Tenancy;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr apikey rotate</c>: gives a key a new secret (same id, prefix, scopes) and prints it once.</summary>
internal sealed class ApiKeyRotateCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "apikey rotate",
        "Give an API key a new secret; prints it once. The old secret stops at once unless --grace is given.",
        [AccessOptionSpecs.Organization, new OptionSpec("--grace", "seconds", "How long the old secret keeps working (default 0)."), CommonOptions.Json],
        [new ArgumentSpec("ID", "The key's id (from 'cfgr apikey list').")])
    {
        Description = "The new secret is printed like 'apikey create' prints one: alone on standard output, or as \"secret\" with --json.",
    };

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        TimeSpan? grace = context.Arguments.Value("--grace") is { } text
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= 30 * 24 * 3600
                ? TimeSpan.FromSeconds(seconds)
                : throw new UsageException($"expected --grace to be a number of seconds from 0 to 2592000; found '{text}'.") { Command = Spec }
            : null;
        return CliTenancy.RunAsync(context, async tenancy =>
        {
            using var access = CliAccess.Open(context, tenancy);
            var rotated = await access.Keys().RotateApiKeyAsync(context.Arguments.Required("--org"), context.Arguments.Positionals[0], grace, cancellationToken).ConfigureAwait(false);
            AccessOutput.Secret(context, rotated.Key, rotated.Secret.Reveal(), "rotated");
            return ExitCodes.Ok;
        });
    }
}
