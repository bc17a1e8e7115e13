using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Cli.Tenancy;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr who-can</c>: every user and API key allowed an action in an organization, with why; agrees with <c>check</c>.</summary>
internal sealed class WhoCanCommand : ICliCommand
{
    private static readonly string[] s_heading = ["kind", "who", "why"];

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "who-can",
        "List the users and API keys allowed an action in an organization, with why.",
        AccessOptionSpecs.Organization,
        new OptionSpec("--action", "A", "The action, e.g. agents:write.", Required: true),
        new OptionSpec("--resource", "R", "The resource, e.g. provider/openai."),
        AccessOptionSpecs.Policies,
        CommonOptions.Json)
    {
        Description = "Every user and every key of the organization that is not revoked or expired is checked with the decision 'cfgr check' makes.",
    };

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var args = context.Arguments;
        return CliTenancy.RunAsync(context, async tenancy =>
        {
            using var access = await CliAccess.Open(context, tenancy).LoadAsync(cancellationToken).ConfigureAwait(false);
            var organization = args.Required("--org");
            var action = args.Required("--action");
            var grants = await access.Permissions().WhoCanAsync(organization, action, args.Value("--resource"), cancellationToken).ConfigureAwait(false);
            var users = (await tenancy.Store.ListUsersAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(static u => $"user {u.Id:D}", static u => $"user {u.Email}");
            string Named(string text) => users.Aggregate(text, static (t, u) => t.Replace(u.Key, u.Value, StringComparison.Ordinal));
            if (args.Json)
            {
                context.PrintJson(new
                {
                    org = organization,
                    action,
                    principals = grants.Select(g => g.Kind == "user"
                        ? (object)new { kind = g.Kind, email = g.Email, why = Named(g.Why) }
                        : new { kind = g.Kind, id = g.KeyId?.ToString("D"), why = Named(g.Why) }).ToArray(),
                });
                return ExitCodes.Ok;
            }

            if (grants.IsEmpty)
            {
                context.Print($"nobody may do '{action}' in org '{organization}'.");
                return ExitCodes.Ok;
            }

            var rows = new List<string[]> { s_heading };
            rows.AddRange(grants.Select(g => new[] { g.Kind, g.Kind == "user" ? g.Email! : g.KeyId!.Value.ToString("D"), Named(g.Why) }));
            foreach (var line in AccessOutput.Columns(rows))
            {
                context.Print(line);
            }

            return ExitCodes.Ok;
        });
    }
}
