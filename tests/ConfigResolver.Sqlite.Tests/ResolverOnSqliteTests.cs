using ConfigResolver.Resolution;
using ConfigResolver.Sqlite.Tests.Support;
using ConfigResolver.Tenancy;
using ConfigResolver.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace ConfigResolver.Sqlite.Tests;

/// <summary>The resolver end to end on the SQLite store, built with <see cref="SqliteTenancy"/>: write, resolve, invalidate, reopen.</summary>
public sealed class ResolverOnSqliteTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = TestTime.CreateClock();
    private readonly IConfiguration _environment = new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["OPENAI_API_KEY"] = "sk-operator", ["OPENAI_MODEL"] = "gpt-4o" })
        .Build();

    [Fact]
    public async Task Resolver_serves_what_was_written_and_rebuilds_after_the_next_write()
    {
        await using var tenancy = await SqliteTenancy.OpenAsync(_database.Path, timeProvider: _time);
        await tenancy.Administration.CreateOrganizationAsync(new CreateOrganizationRequest { Slug = "acme", Name = "Acme", ConfigJson = Provider("https://one.example/v1") });
        using var resolver = tenancy.CreateResolver(_environment);

        var first = await resolver.ResolveAsync("acme");
        var cached = await resolver.ResolveAsync("acme");
        await tenancy.Administration.SetConfigAsync("acme", Provider("https://two.example/v1"));
        var rebuilt = await resolver.ResolveAsync("acme");

        Assert.Equal("https://one.example/v1", first.Providers["openai"].BaseUrl);
        Assert.Same(first, cached);
        Assert.Equal("https://two.example/v1", rebuilt.Providers["openai"].BaseUrl);
        Assert.Equal(("org", "/setups/default/providers/openai/base_url"), (ResolutionNames.ToName(rebuilt.Values["/providers/openai/base_url"].Layer), rebuilt.Values["/providers/openai/base_url"].Provenance.Source));
    }

    [Fact]
    public async Task A_system_write_reaches_an_organization_that_falls_through_to_it()
    {
        await using var tenancy = await SqliteTenancy.OpenAsync(_database.Path, timeProvider: _time);
        await tenancy.Administration.CreateOrganizationAsync(new CreateOrganizationRequest { Slug = "acme", Name = "Acme" });
        using var resolver = tenancy.CreateResolver(_environment);
        Assert.Equal(ValueState.Absent, (await resolver.ResolveAsync("acme")).Values["/kb_server/url"].State);

        await tenancy.Administration.SetConfigAsync(TenancyRules.DefaultSystemSlug, """{"version":1,"setups":{"default":{"kb_server":{"url":"http://kb.internal:9090"}}}}""");
        var value = (await resolver.ResolveAsync("acme")).Values["/kb_server/url"];

        Assert.Equal(("http://kb.internal:9090", ConfigLayer.System), (value.Value?.AsString(), value.Layer));
    }

    [Fact]
    public async Task Secrets_shared_by_opt_in_and_withheld_otherwise_resolve_the_same_after_reopening()
    {
        string before;
        await using (var tenancy = await SqliteTenancy.OpenAsync(_database.Path, timeProvider: _time))
        {
            await tenancy.Administration.CreateOrganizationAsync(new CreateOrganizationRequest
            {
                Slug = "acme",
                Name = "Acme",
                ConfigJson = """{"version":1,"inheritance":{"providers":{"openai":{"share_api_key":true}}}}""",
            });
            await tenancy.Administration.CreateOrganizationAsync(new CreateOrganizationRequest { Slug = "globex", Name = "Globex" });
            using var resolver = tenancy.CreateResolver(_environment);
            before = await RenderAsync(resolver);
            Assert.Equal(ValueState.Shared, (await resolver.ResolveAsync("acme")).Values["/providers/openai/api_key"].State);
            Assert.Equal(ValueState.Absent, (await resolver.ResolveAsync("globex")).Values["/providers/openai/api_key"].State);
        }

        await using var reopened = await SqliteTenancy.OpenAsync(_database.Path, timeProvider: _time);
        using var fresh = reopened.CreateResolver(_environment);

        Assert.Equal(before, await RenderAsync(fresh));
    }

    [Fact]
    public async Task A_user_resolves_against_their_default_organization_and_without_one_against_the_system()
    {
        await using var tenancy = await SqliteTenancy.OpenAsync(_database.Path, timeProvider: _time);
        await tenancy.Administration.CreateOrganizationAsync(new CreateOrganizationRequest { Slug = "acme", Name = "Acme" });
        await tenancy.Administration.AddUserAsync("ann@example.com");
        await tenancy.Administration.AddUserAsync("bob@example.com");
        await tenancy.Administration.SetMembershipAsync("acme", "ann@example.com", MembershipRole.Owner);
        using var resolver = tenancy.CreateResolver(_environment);

        Assert.Equal("acme", (await resolver.ResolveForUserByEmailAsync("ANN@example.com")).OrganizationSlug);
        Assert.True((await resolver.ResolveForUserByEmailAsync("bob@example.com")).IsSystemOrganization);
    }

    private static string Provider(string baseUrl) =>
        """{"version":1,"setups":{"default":{"providers":{"openai":{"base_url":"URL"}}}}}""".Replace("URL", baseUrl, StringComparison.Ordinal);

    private static async Task<string> RenderAsync(TenantConfigResolver resolver) =>
        TenantConfigJson.Serialize(await resolver.ResolveAsync("acme"), explain: true)
        + TenantConfigJson.Serialize(await resolver.ResolveAsync("globex"), explain: true);

    public void Dispose() => _database.Dispose();
}
