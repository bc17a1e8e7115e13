using ConfigResolver.Authorization;
using ConfigResolver.Resolution;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using ConfigResolver.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace ConfigResolver.Access.Tests.Support;

/// <summary>
/// A seeded world on an in-memory store with the shipped policies: the system organization (platform administrator pat,
/// its owner), 'acme' (openai enabled, ollama disabled; owner ann, admin adam, member bob, viewer vic), 'beta' (sign-up key
/// 'join-beta-2026', enabled; owner carol), 'quiet' (sign-up key 'join-quiet', disabled; owner quinn) and dave, in no
/// organization. The authorization service follows the store, so decisions see every write.
/// </summary>
internal sealed class AccessWorld : IAsyncDisposable
{
    public const string AcmeConfig = """
        {"version":1,"setups":{"default":{"providers":{"openai":{"enabled":true,"api_key":"sk-acme-secret"},"ollama":{"enabled":false}}}}}
        """;

    private AccessWorld(FakeTimeProvider clock, ITenantStore store, TenantConfigResolver resolver, AuthorizationService authorization, AccessOptions options)
    {
        Clock = clock;
        Store = store;
        Resolver = resolver;
        Authorization = authorization;
        Options = options;
    }

    public FakeTimeProvider Clock { get; }

    public ITenantStore Store { get; }

    public TenantConfigResolver Resolver { get; }

    public AuthorizationService Authorization { get; }

    public AccessOptions Options { get; }

    public Func<AuthorizationSnapshot> Snapshot => () => Authorization.Current;

    public static async Task<AccessWorld> CreateAsync(ITenantStore? store = null, Action<AccessOptions>? configure = null, FakeTimeProvider? clock = null)
    {
        clock ??= TestTime.CreateClock();
        store ??= new InMemoryTenantStore(timeProvider: clock);
        var admin = new TenantAdministration(store, clock);
        await admin.CreateOrganizationAsync(new CreateOrganizationRequest { Slug = "acme", Name = "Acme", ConfigJson = AcmeConfig });
        await admin.CreateOrganizationAsync(new CreateOrganizationRequest { Slug = "beta", Name = "Beta", ConfigJson = """{"version":1,"features":{"signup_enabled":true,"signup_key":"join-beta-2026"}}""" });
        await admin.CreateOrganizationAsync(new CreateOrganizationRequest { Slug = "quiet", Name = "Quiet", ConfigJson = """{"version":1,"features":{"signup_enabled":false,"signup_key":"join-quiet"}}""" });
        var system = (await store.GetSystemOrganizationAsync()).Slug;
        foreach (var (email, org, role) in new[]
        {
            ("pat@ops.example", system, MembershipRole.Owner), ("ann@acme.example", "acme", MembershipRole.Owner), ("adam@acme.example", "acme", MembershipRole.Admin),
            ("bob@acme.example", "acme", MembershipRole.Member), ("vic@acme.example", "acme", MembershipRole.Viewer), ("carol@beta.example", "beta", MembershipRole.Owner),
            ("quinn@quiet.example", "quiet", MembershipRole.Owner),
        })
        {
            await admin.AddUserAsync(email);
            await admin.SetMembershipAsync(org, email, role);
        }

        await admin.AddUserAsync("dave@example.com");
        var resolver = new TenantConfigResolver(store, new ConfigurationBuilder().Build(), timeProvider: clock);
        var authorization = await AuthorizationService.StartAsync(
            new AuthorizationOptions { PolicyDirectory = Path.Combine(TestPaths.RepositoryRoot, "policies"), WatchForChanges = false, TimeProvider = clock },
            store,
            resolver);
        var options = new AccessOptions { TimeProvider = clock, Random = new SeededRandom(14) };
        options.TokenSigningKeys.Add(new TokenSigningKey("k2026", Enumerable.Range(1, 32).Select(static i => (byte)i).ToArray()));
        options.TokenSigningKeys.Add(new TokenSigningKey("k2025", Enumerable.Range(101, 32).Select(static i => (byte)i).ToArray()));
        configure?.Invoke(options);
        return new AccessWorld(clock, store, resolver, authorization, options);
    }

    public async Task<User> UserAsync(string email) => (await Store.FindUserByEmailAsync(email))!;

    public async Task<Principal> PrincipalAsync(string email) => Principal.ForUser((await UserAsync(email)).Id);

    public ApiKeyService Keys() => new(Store, Snapshot, Options, Resolver);

    public PermissionService Permissions() => new(Store, Snapshot, Resolver, Clock);

    public async ValueTask DisposeAsync()
    {
        Authorization.Dispose();
        Resolver.Dispose();
        switch (Store)
        {
            case IAsyncDisposable disposable:
                await disposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }
}
