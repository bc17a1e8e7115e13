using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Cli.Tenancy;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr user add</c>: adds a user (emails are unique case-insensitively).</summary>
internal sealed class UserAddCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "user add",
        "Add a user; give them a role in an organization with 'cfgr member set'.",
        new OptionSpec("--email", "email", "The email address, unique case-insensitively.", Required: true),
        new OptionSpec("--name", "name", "The display name."),
        CommonOptions.Json);

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var email = context.Arguments.Required("--email");
        var name = context.Arguments.Value("--name");
        return CliTenancy.RunAsync(context, async tenancy =>
        {
            var user = await tenancy.Administration.AddUserAsync(email, name, cancellationToken).ConfigureAwait(false);
            if (context.Arguments.Json)
            {
                context.PrintJson(TenancyJson.User(user, defaultOrganization: null));
                return ExitCodes.Ok;
            }

            context.Print(user.Name is null ? $"added user '{user.Email}'." : $"added user '{user.Email}' ({user.Name}).");
            return ExitCodes.Ok;
        });
    }
}
