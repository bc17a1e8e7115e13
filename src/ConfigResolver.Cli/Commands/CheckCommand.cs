using ConfigResolver.Access;
using ConfigResolver.Authorization;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Inputs;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Cli.Shipped;
using ConfigResolver.Cli.Tenancy;
using ConfigResolver.Stores;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Cli.Commands;

/// <summary>
/// <c>cfgr check</c>: compiles a policy directory (the shipped policies by default, or the store's current policy revision
/// with <c>--policies store</c>), joins it with the tenants of <c>--db</c>, and decides one request, optionally explained
/// and, with <c>--watch</c>, again whenever the decision changes. Exit 0 allowed, 3 denied, 1 on problems.
/// </summary>
internal sealed partial class CheckCommand : ICliCommand
{
    /// <summary>The <c>--policies</c> value that names the store's current policy revision instead of a directory.</summary>
    public const string StoreSource = "store";

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "check",
        "Decide whether a user or an API key may perform an action in an organization, optionally explained.",
        new OptionSpec("--policies", "DIR|store", "The policy directory, or 'store' for the revision last pushed to --db (default: the policies shipped inside cfgr; 'cfgr policy init DIR' writes them out)."),
        new OptionSpec("--user", "email", "The user asking (or give --api-key)."),
        new OptionSpec("--api-key", "SECRET|-", "Ask as an API key instead of a user: its secret, or '-' to read it from standard input."),
        new OptionSpec("--org", "slug", "The organization.", Required: true),
        new OptionSpec("--action", "A", "The action, e.g. agents:write.", Required: true),
        new OptionSpec("--resource", "R", "The resource, e.g. provider/openai."),
        new OptionSpec("--explain", null, "Also print the reasons, the deciding rules and policy lines, and why not."),
        new OptionSpec("--watch", null, "Print the decision again each time it changes (membership, organization, configuration, policy revision); ends at Ctrl+C (exit 130) or when standard input closes (exit 0)."),
        new OptionSpec("--json", null, "Print one JSON object: {\"allowed\", \"decision\", \"revision\"} plus the explanation with --explain; with --watch \"store_revision\" first."))
    {
        Description = """
            Prints 'allow' (exit 0) or 'deny' (exit 3). With --explain it also prints the reasons, the rules and the
            engine policy lines that decided, and for a denial what is missing: the membership, the role or scope, or
            the deny rule that fired. An unknown user, a missing database or policy problems are errors (exit 1);
            policy problems print as file:line:col: error CODE: message.
            With --api-key the request is asked as that key: it acts only in its own organization and within its scopes.
            A key that is not valid, revoked or expired is an error (exit 1, ACC5001-ACC5003). Prefer '--api-key -' with
            the key on standard input, so it stays out of the shell history and the process list.
            '--policies store' uses the revision 'cfgr policy push' stored last (a directory named 'store' is './store');
            with no revision pushed it is an error. With --watch the exit code is that of the last decision printed.
            """,
    };

    /// <inheritdoc />
    public async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var args = context.Arguments;
        var (email, apiKey) = (args.Value("--user"), args.Value("--api-key"));
        if ((email is null) == (apiKey is null))
        {
            throw new UsageException("give exactly one of '--user' and '--api-key'.") { Command = Spec };
        }

        apiKey = apiKey == "-" ? ReadKey(context) : apiKey;
        var source = args.Value("--policies");
        var fromStore = source == StoreSource;
        var policy = fromStore ? null : source is { } directory ? PolicyDirectoryInput.Load(context, directory) : ShippedFiles.Policy;
        return await CliTenancy.RunAsync(context, async tenancy =>
        {
            var (principal, user) = email is not null ? await UserAsync(tenancy, email, cancellationToken).ConfigureAwait(false) : await KeyAsync(context, tenancy, apiKey!, cancellationToken).ConfigureAwait(false);
            using var resolver = tenancy.CreateResolver(CliTenancy.Environment(context));
            policy ??= await LoadStoredAsync(context, tenancy.Store, cancellationToken).ConfigureAwait(false);
            var options = new AuthorizationOptions { TimeProvider = context.Console.Clock };
            var revision = 0L;
            async Task<Decision> DecideAsync()
            {
                var facts = await TenantFacts.LoadAsync(tenancy.Store, resolver, cancellationToken).ConfigureAwait(false);
                var snapshot = AuthorizationSnapshot.Create(policy, facts, options, ++revision);
                return snapshot.Check(principal, args.Required("--org"), args.Required("--action"), args.Value("--resource"));
            }

            IReadOnlyList<User> users = user is null ? [] : [user];
            if (!args.Has("--watch"))
            {
                var decision = await DecideAsync().ConfigureAwait(false);
                foreach (var line in CheckRenderer.Render(decision, users, args.Has("--explain"), args.Json, context.Console.UseColor))
                {
                    context.Print(line);
                }

                return decision.Allowed ? ExitCodes.Ok : ExitCodes.Denied;
            }

            return await WatchAsync(context, tenancy.Store, users, fromStore, DecideAsync, p => policy = p, cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private static async Task<(Principal Principal, User? User)> UserAsync(StoreTenancy tenancy, string email, CancellationToken cancellationToken)
    {
        var user = await tenancy.Store.FindUserByEmailAsync(email, cancellationToken).ConfigureAwait(false)
            ?? throw new CommandFailedException($"there is no user '{email}'.");
        return (Principal.ForUser(user.Id), user);
    }

    /// <summary>Authenticates the key as a service would; its last use is recorded when the authenticator is disposed.</summary>
    private static async Task<(Principal Principal, User? User)> KeyAsync(CommandContext context, StoreTenancy tenancy, string apiKey, CancellationToken cancellationToken)
    {
        var options = new AccessOptions { TimeProvider = context.Console.Clock, SecretPepper = AccessOptions.FromConfiguration(CliTenancy.Environment(context)).SecretPepper };
        var authenticator = new ApiKeyAuthenticator(tenancy.Store, options);
        await using (authenticator.ConfigureAwait(false))
        {
            var principal = await authenticator.AuthenticateAsync(apiKey, cancellationToken).ConfigureAwait(false);
            var user = principal.UserId is { } id ? await tenancy.Store.GetUserAsync(id, cancellationToken).ConfigureAwait(false) : null;
            return (principal, user);
        }
    }

    /// <summary>The key from standard input: its first line, trimmed (so 'echo $KEY | cfgr check --api-key -' works).</summary>
    private static string ReadKey(CommandContext context)
    {
        var text = context.ReadText("-", "API key", 4096);
        var end = text.IndexOfAny(['\r', '\n']);
        return (end < 0 ? text : text[..end]).Trim();
    }
}
