using System.Globalization;
using ConfigResolver.Authorization;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Cli.Tenancy;

namespace ConfigResolver.Cli.Commands;

/// <summary>
/// <c>cfgr apikey create</c>: creates a key for an organization with scopes the creating user holds, and prints its
/// secret once: alone on standard output (a note about it goes to standard error), or in the <c>--json</c> object.
/// </summary>
internal sealed class ApiKeyCreateCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "apikey create",
        "Create an API key with scopes the creating user holds; prints its secret once.",
        AccessOptionSpecs.Organization,
        new OptionSpec("--user", "email", "The creating user; every scope must be one they hold in the organization.", Required: true),
        new OptionSpec("--name", "N", "A name for the key.", Required: true),
        new OptionSpec("--scope", "X", "A scope or pattern (agents:read, agents:*); repeat for more.", Required: true) { Repeatable = true },
        new OptionSpec("--expires", "T", "When the key stops working, ISO 8601 (2026-12-31T00:00:00Z); never by default."),
        new OptionSpec("--team", "T", "Bind the key to a team of the organization: rules see it as team.*, route and usage default to it."),
        AccessOptionSpecs.Policies,
        CommonOptions.Json)
    {
        Description = """
            The secret is printed once: alone on standard output (so KEY=$(cfgr apikey create ...) captures it), with a
            note on standard error, or as "secret" in the --json object. Only its hash is stored; it cannot be shown again
            (rotate the key to get a new one). A key of an organization acts only in that organization, within its scopes.
            """,
    };

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var args = context.Arguments;
        var expires = args.Value("--expires") is { } text ? ParseTime(text, Spec) : (DateTimeOffset?)null;
        return CliTenancy.RunAsync(context, async tenancy =>
        {
            var email = args.Required("--user");
            var user = await tenancy.Store.FindUserByEmailAsync(email, cancellationToken).ConfigureAwait(false)
                ?? throw new CommandFailedException($"there is no user '{email}'.");
            using var access = await CliAccess.Open(context, tenancy).LoadAsync(cancellationToken).ConfigureAwait(false);
            var created = await access.Keys().CreateApiKeyAsync(args.Required("--org"), Principal.ForUser(user.Id), args.Required("--name"), args.Values("--scope"), expires, team: args.Value("--team"), cancellationToken: cancellationToken).ConfigureAwait(false);
            AccessOutput.Secret(context, created.Key, created.Secret.Reveal(), "created");
            return ExitCodes.Ok;
        });
    }

    /// <summary>An ISO 8601 time with an offset (or Z); anything else is a usage error.</summary>
    internal static DateTimeOffset ParseTime(string text, CommandSpec spec) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) && text.Contains('T', StringComparison.Ordinal)
            ? time
            : throw new UsageException($"expected a time like '2026-12-31T00:00:00Z'; found '{text}'.") { Command = spec };
}
