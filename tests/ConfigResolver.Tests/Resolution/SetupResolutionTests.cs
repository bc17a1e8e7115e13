using ConfigResolver.Diagnostics;
using ConfigResolver.Resolution;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Tests.Resolution;

public sealed class SetupResolutionTests
{
    private const string AcmeConfig = """
        {"version":1,"setups":{
          "default":{"providers":{"openai":{"api_key":"sk-acme","models":["gpt-4o","gpt-4o-mini"],"default_model":"gpt-4o"}},"kb_server":{"url":"https://kb.acme.example"}},
          "research":{"inherits":"default","providers":{"openai":{"default_model":"gpt-4o-mini"}}},
          "sandbox":{"providers":{"ollama":{"base_url":"http://sandbox:11434"}}}}}
        """;

    [Fact]
    public async Task Unknown_setup_is_an_error_listing_the_known_ones()
    {
        using var harness = ResolverHarness.Create();
        await harness.SetSystemConfigAsync("""{"version":1,"setups":{"eval":{}}}""");
        await harness.CreateOrganizationAsync("acme", AcmeConfig);

        var exception = await Assert.ThrowsAsync<ConfigResolutionException>(() => harness.Resolver.ResolveAsync("acme", "prod").AsTask());

        var diagnostic = Assert.Single(exception.Diagnostics);
        Assert.Equal((DiagnosticCodes.UnknownSetup, "/setups/prod", "org 'acme'"), (diagnostic.Code, diagnostic.Pointer, diagnostic.Where));
        Assert.Equal("unknown setup 'prod'; expected one of 'default', 'eval', 'research', 'sandbox'.", diagnostic.Message);
    }

    [Fact]
    public async Task Setup_that_inherits_default_takes_its_own_values_first()
    {
        using var harness = ResolverHarness.Create();
        await harness.CreateOrganizationAsync("acme", AcmeConfig);

        var config = await harness.Resolver.ResolveAsync("acme", "research");

        Assert.Equal("research", config.Setup);
        Assert.Equal("gpt-4o-mini", config.Providers["openai"].DefaultModel);
        Assert.Equal("/setups/research/providers/openai/default_model", config.Values["/providers/openai/default_model"].Provenance.Source);
        Assert.Equal("sk-acme", config.Providers["openai"].ApiKey?.Reveal());
        Assert.Equal("https://kb.acme.example", config.KbServer.Url);
    }

    [Fact]
    public async Task Setup_without_inherits_does_not_see_the_default_setup()
    {
        using var harness = ResolverHarness.Create();
        await harness.CreateOrganizationAsync("acme", AcmeConfig);

        var config = await harness.Resolver.ResolveAsync("acme", "sandbox");

        Assert.Null(config.Providers["openai"].ApiKey);
        Assert.Equal(ProviderState.Enabled, config.Providers["ollama"].State);
        Assert.Null(config.KbServer.Url);
    }

    [Fact]
    public async Task Setup_only_the_system_organization_defines_uses_the_organizations_default_setup_as_its_own_layer()
    {
        using var harness = ResolverHarness.Create();
        await harness.SetSystemConfigAsync("""{"version":1,"setups":{"eval":{"providers":{"openai":{"default_model":"o3"}}}}}""");
        await harness.CreateOrganizationAsync("acme", AcmeConfig);

        var config = await harness.Resolver.ResolveAsync("acme", "eval");

        Assert.Equal(("gpt-4o", ConfigLayer.Org), (config.Providers["openai"].DefaultModel, config.Values["/providers/openai/default_model"].Layer));
        Assert.Equal("o3", config.Values["/providers/openai/default_model"].Provenance.Shadowed.Single().Value.AsString());
    }

    [Fact]
    public async Task Unknown_organization_is_an_error_naming_it()
    {
        using var harness = ResolverHarness.Create();

        var exception = await Assert.ThrowsAsync<ConfigResolutionException>(() => harness.Resolver.ResolveAsync("ghost").AsTask());

        Assert.Equal((DiagnosticCodes.UnknownOrganization, "org 'ghost'"), (exception.Diagnostics.Single().Code, exception.Diagnostics.Single().Where));
    }

    [Fact]
    public async Task User_without_an_organization_resolves_against_the_system_organization()
    {
        using var harness = ResolverHarness.Create();
        var user = await harness.Admin.AddUserAsync("loner@example.com");

        var config = await harness.Resolver.ResolveForUserAsync(user.Id);

        Assert.True(config.IsSystemOrganization);
        Assert.Same(config, await harness.Resolver.ResolveForUserByEmailAsync("LONER@example.com"));
    }

    [Fact]
    public async Task User_resolves_against_their_default_organization()
    {
        using var harness = ResolverHarness.Create();
        await harness.CreateOrganizationAsync("acme", AcmeConfig);
        await harness.CreateOrganizationAsync("beta");
        await harness.Admin.AddUserAsync("ann@example.com");
        await harness.Admin.SetMembershipAsync("beta", "ann@example.com", MembershipRole.Owner);
        await harness.Admin.SetMembershipAsync("acme", "ann@example.com", MembershipRole.Owner);

        Assert.Equal("beta", (await harness.Resolver.ResolveForUserByEmailAsync("ann@example.com")).OrganizationSlug);
        await harness.Admin.SetDefaultOrganizationAsync("ann@example.com", "acme");
        Assert.Equal("acme", (await harness.Resolver.ResolveForUserByEmailAsync("ann@example.com")).OrganizationSlug);
    }

    [Fact]
    public async Task Unknown_user_is_an_error_naming_them()
    {
        using var harness = ResolverHarness.Create();

        var exception = await Assert.ThrowsAsync<ConfigResolutionException>(() => harness.Resolver.ResolveForUserByEmailAsync("ghost@example.com").AsTask());

        Assert.Equal((DiagnosticCodes.UnknownUser, "user 'ghost@example.com'"), (exception.Diagnostics.Single().Code, exception.Diagnostics.Single().Where));
    }
}
