using ConfigResolver.Access;
using ConfigResolver.Authorization;
using ConfigResolver.Authorization.Compilation;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Inputs;
using ConfigResolver.Cli.Shipped;
using ConfigResolver.Resolution;
using ConfigResolver.Stores;

namespace ConfigResolver.Cli.Tenancy;

/// <summary>
/// The access services over an open store for one command: options from the environment (<c>SIGNUP_ENABLED</c>,
/// <c>SIGNUP_SECRET_KEY</c>, <c>CFGR_API_KEY_PEPPER</c>, <c>CFGR_TOKEN_SIGNING_KEYS</c>) with the console's clock and random
/// source, a resolver, and, for the commands that decide, an authorization snapshot of the policy (<c>--policies</c> or
/// the shipped one) joined with the store's facts, exactly as <c>cfgr check</c> builds it.
/// </summary>
internal sealed class CliAccess : IDisposable
{
    private readonly StoreTenancy _tenancy;
    private readonly CompiledPolicy _policy;
    private AuthorizationSnapshot? _snapshot;

    private CliAccess(CommandContext context, StoreTenancy tenancy, CompiledPolicy policy)
    {
        _tenancy = tenancy;
        _policy = policy;
        Context = context;
        Resolver = tenancy.CreateResolver(CliTenancy.Environment(context));
        Options = AccessOptions.FromConfiguration(CliTenancy.Environment(context));
        Options.TimeProvider = context.Console.Clock;
        Options.Random = context.Console.Random;
    }

    public CommandContext Context { get; }

    public AccessOptions Options { get; }

    public TenantConfigResolver Resolver { get; }

    /// <summary>The snapshot decisions are made on; <see cref="LoadAsync"/> builds it first.</summary>
    public AuthorizationSnapshot Snapshot => _snapshot ?? throw new InvalidOperationException("The authorization snapshot was not loaded.");

    /// <summary>Opens the services; the policy is <c>--policies DIR</c> when the command has it and it was given, else the shipped one.</summary>
    public static CliAccess Open(CommandContext context, StoreTenancy tenancy)
    {
        var policy = context.Arguments.Value("--policies") is { } directory ? PolicyDirectoryInput.Load(context, directory) : ShippedFiles.Policy;
        return new CliAccess(context, tenancy, policy);
    }

    /// <summary>Reads every organization, membership and resolved configuration and joins them with the policy.</summary>
    public async Task<CliAccess> LoadAsync(CancellationToken cancellationToken)
    {
        var facts = await TenantFacts.LoadAsync(_tenancy.Store, Resolver, cancellationToken).ConfigureAwait(false);
        _snapshot = AuthorizationSnapshot.Create(_policy, facts, new AuthorizationOptions { TimeProvider = Context.Console.Clock });
        return this;
    }

    public ApiKeyService Keys() => new(_tenancy.Store, () => Snapshot, Options, Resolver);

    public InvitationService Invitations() => new(_tenancy.Store, () => Snapshot, Options);

    public SignupService Signup() => new(_tenancy.Store, Options);

    public PermissionService Permissions() => new(_tenancy.Store, () => Snapshot, Resolver, Context.Console.Clock);

    public void Dispose() => Resolver.Dispose();
}
