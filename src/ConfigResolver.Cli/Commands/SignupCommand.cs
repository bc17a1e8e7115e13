using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Cli.Tenancy;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr signup</c>: joins the organization a sign-up key leads to (LAMB's sign-up).</summary>
internal sealed class SignupCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "signup",
        "Sign up with a key: join the organization whose sign-up key it is, or the system organization with the deployment's key.",
        new OptionSpec("--key", "K", "The sign-up key ('-' reads it from standard input).", Required: true),
        new OptionSpec("--email", "E", "The email; an existing user with it joins instead of a new one.", Required: true),
        new OptionSpec("--name", "N", "The name of a user created now."),
        CommonOptions.Json)
    {
        Description = """
            An organization whose features.signup_enabled is true and whose features.signup_key matches takes the person as
            a member. Otherwise, when SIGNUP_ENABLED=true and SIGNUP_SECRET_KEY matches, the system organization does.
            Anything else is one error, ACC5301, that does not say whether the key or an organization exists.
            """,
    };

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var key = context.Arguments.Required("--key") is "-" ? context.ReadText("-", "sign-up key", 4096).Trim() : context.Arguments.Required("--key");
        return CliTenancy.RunAsync(context, async tenancy =>
        {
            using var access = CliAccess.Open(context, tenancy);
            var joined = await access.Signup().SignUpAsync(key, context.Arguments.Required("--email"), context.Arguments.Value("--name"), cancellationToken).ConfigureAwait(false);
            if (context.Arguments.Json)
            {
                context.PrintJson(AccessJson.Joined(joined));
                return ExitCodes.Ok;
            }

            context.Print($"'{joined.User.Email}' joined org '{joined.Organization.Slug}' as {TenancyNames.ToName(joined.Role)}{(joined.UserCreated ? " (new user)" : string.Empty)}.");
            return ExitCodes.Ok;
        });
    }
}
