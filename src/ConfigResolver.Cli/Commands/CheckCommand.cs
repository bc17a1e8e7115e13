using ConfigResolver.Authorization;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Inputs;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Cli.Shipped;
using ConfigResolver.Cli.Tenancy;

namespace ConfigResolver.Cli.Commands;

/// <summary>
/// <c>cfgr check</c>: compiles a policy directory (the shipped policies by default), joins it with the tenants of the
/// SQLite file (<c>--db</c>), and decides one request, optionally explained. Exit 0 allowed, 3 denied, 1 on problems.
/// </summary>
internal sealed class CheckCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "check",
        "Decide whether a user may perform an action in an organization, optionally explained.",
        new OptionSpec("--policies", "DIR", "The policy directory (default: the policies shipped inside cfgr; 'cfgr policy init DIR' writes them out)."),
        new OptionSpec("--user", "email", "The user asking.", Required: true),
        new OptionSpec("--org", "slug", "The organization.", Required: true),
        new OptionSpec("--action", "A", "The action, e.g. agents:write.", Required: true),
        new OptionSpec("--resource", "R", "The resource, e.g. provider/openai."),
        new OptionSpec("--explain", null, "Also print the reasons, the deciding rules and policy lines, and why not."),
        new OptionSpec("--json", null, "Print one JSON object: {\"allowed\", \"decision\", \"revision\"} plus the explanation with --explain."))
    {
        Description = """
            Prints 'allow' (exit 0) or 'deny' (exit 3). With --explain it also prints the reasons, the rules and the
            engine policy lines that decided, and for a denial what is missing: the membership, the role or scope, or
            the deny rule that fired. An unknown user, a missing database or policy problems are errors (exit 1);
            policy problems print as file:line:col: error CODE: message.
            """,
    };

    /// <inheritdoc />
    public async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var args = context.Arguments;
        var policy = args.Value("--policies") is { } directory ? PolicyDirectoryInput.Load(context, directory) : ShippedFiles.Policy;
        var email = args.Required("--user");
        return await CliTenancy.RunAsync(context, async tenancy =>
        {
            var user = await tenancy.Store.FindUserByEmailAsync(email, cancellationToken).ConfigureAwait(false)
                ?? throw new CommandFailedException($"there is no user '{email}'.");
            using var resolver = tenancy.CreateResolver(CliTenancy.Environment(context));
            var facts = await TenantFacts.LoadAsync(tenancy.Store, resolver, cancellationToken).ConfigureAwait(false);
            var snapshot = AuthorizationSnapshot.Create(policy, facts, new AuthorizationOptions { TimeProvider = context.Console.Clock });
            var decision = snapshot.Check(Principal.ForUser(user.Id), args.Required("--org"), args.Required("--action"), args.Value("--resource"));
            foreach (var line in CheckRenderer.Render(decision, user, args.Has("--explain"), args.Json, context.Console.UseColor))
            {
                context.Print(line);
            }

            return decision.Allowed ? ExitCodes.Ok : ExitCodes.Denied;
        }).ConfigureAwait(false);
    }
}
