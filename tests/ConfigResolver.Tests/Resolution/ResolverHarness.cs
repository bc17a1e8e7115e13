using ConfigResolver.Resolution;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using ConfigResolver.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace ConfigResolver.Tests.Resolution;

/// <summary>An in-memory store, the administration service and a resolver over a given environment.</summary>
internal sealed class ResolverHarness : IDisposable
{
    private ResolverHarness(ITenantStore store, IReadOnlyDictionary<string, string?>? environment, ResolverOptions? options)
    {
        Options = options ?? new ResolverOptions();
        Store = store;
        Admin = new TenantAdministration(Store, Time);
        Environment = new ConfigurationBuilder().AddInMemoryCollection(environment ?? new Dictionary<string, string?>()).Build();
        Resolver = new TenantConfigResolver(Store, Environment, Microsoft.Extensions.Options.Options.Create(Options), Time);
    }

    public FakeTimeProvider Time { get; } = TestTime.CreateClock();

    public ResolverOptions Options { get; }

    public ITenantStore Store { get; }

    public TenantAdministration Admin { get; }

    public IConfiguration Environment { get; }

    public TenantConfigResolver Resolver { get; }

    public static ResolverHarness Create(IReadOnlyDictionary<string, string?>? environment = null, ResolverOptions? options = null, Func<ITenantStore, ITenantStore>? wrap = null)
    {
        ITenantStore store = new InMemoryTenantStore(options, TestTime.CreateClock());
        return new ResolverHarness(wrap is null ? store : wrap(store), environment, options);
    }

    public async Task SetSystemConfigAsync(string json)
    {
        var system = await Store.GetSystemOrganizationAsync();
        await Admin.SetConfigAsync(system.Slug, json);
    }

    public Task<Organization> CreateOrganizationAsync(string slug, string? json = null) =>
        Admin.CreateOrganizationAsync(new CreateOrganizationRequest { Slug = slug, Name = slug, ConfigJson = json });

    public async Task<ResolvedValue> ResolveValueAsync(string slug, string pointer, string? setup = null) =>
        (await Resolver.ResolveAsync(slug, setup)).Values[pointer];

    public void Dispose() => Resolver.Dispose();
}
