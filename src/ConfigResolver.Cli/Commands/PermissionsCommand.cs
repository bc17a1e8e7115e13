using ConfigResolver.Authorization;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Cli.Tenancy;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr permissions</c>: what a user may do in an organization, action by action, with the grant; agrees with <c>check</c>.</summary>
internal sealed class PermissionsCommand : ICliCommand
{
    private static readonly string[] s_heading = ["action", "resource", "granted by"];

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "permissions",
        "List what a user may do in an organization, each action with the grant that gives it.",
        new OptionSpec("--user", "email", "The user.", Required: true),
        AccessOptionSpecs.Organization,
        AccessOptionSpecs.Policies,
        CommonOptions.Json)
    {
        Description = """
            Every declared scope is checked with the same decision 'cfgr check' makes, without a resource and on every
            provider/<name> the organization's configuration names: resource '*' means allowed without a resource and on
            every one of them; otherwise the resources it is allowed on are listed one by one.
            """,
    };

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var args = context.Arguments;
        return CliTenancy.RunAsync(context, async tenancy =>
        {
            var email = args.Required("--user");
            var user = await tenancy.Store.FindUserByEmailAsync(email, cancellationToken).ConfigureAwait(false)
                ?? throw new CommandFailedException($"there is no user '{email}'.");
            using var access = await CliAccess.Open(context, tenancy).LoadAsync(cancellationToken).ConfigureAwait(false);
            var permissions = await access.Permissions().GetPermissionsAsync(Principal.ForUser(user.Id), args.Required("--org"), cancellationToken).ConfigureAwait(false);
            string Named(string text) => text.Replace($"user {user.Id:D}", $"user {user.Email}", StringComparison.Ordinal);
            if (args.Json)
            {
                context.PrintJson(new
                {
                    user = user.Email,
                    org = permissions.Organization,
                    allowed = permissions.Allowed.Select(p => new { action = p.Action, resource = p.Resource, granted_by = Named(p.GrantedBy) }).ToArray(),
                });
                return ExitCodes.Ok;
            }

            if (permissions.Allowed.IsEmpty)
            {
                context.Print($"'{user.Email}' may do nothing in org '{permissions.Organization}'.");
                return ExitCodes.Ok;
            }

            var rows = new List<string[]> { s_heading };
            rows.AddRange(permissions.Allowed.Select(p => new[] { p.Action, p.Resource ?? "(none)", Named(p.GrantedBy) }));
            foreach (var line in AccessOutput.Columns(rows))
            {
                context.Print(line);
            }

            return ExitCodes.Ok;
        });
    }
}
