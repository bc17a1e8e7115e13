using ConfigResolver.Authorization;
using ConfigResolver.Resolution;
using ConfigResolver.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ConfigResolver.Hosting.Tests;

public sealed class HostLifecycleTests
{
    [Fact]
    public async Task Started_host_resolves_and_checks_through_the_small_interfaces()
    {
        using var host = HostFactory.InMemory(b => b.AddAuthorization(p => p.FromDirectory(HostFactory.ShippedPolicies, watch: false)));
        await host.StartAsync();
        var runtime = host.Services.GetRequiredService<ConfigResolverRuntime>();
        var (alice, victor) = await Seed.AcmeAsync(runtime.Administration);
        await runtime.Authorization!.WhenChangesAppliedAsync();

        var config = await host.Services.GetRequiredService<ITenantConfigResolver>().ResolveAsync("acme");
        var checker = host.Services.GetRequiredService<IAuthorizationChecker>();

        Assert.Equal("gpt-4o", config.Providers["openai"].DefaultModel);
        Assert.True(checker.Check(Principal.ForUser(alice.Id), "acme", "agents:delete").Allowed);
        Assert.False(checker.Check(Principal.ForUser(victor.Id), "acme", "agents:delete").Allowed);
        await host.StopAsync();
    }

    [Fact]
    public async Task Stopping_the_host_closes_everything_and_later_calls_say_it_is_not_started()
    {
        using var host = HostFactory.InMemory();
        await host.StartAsync();
        var runtime = host.Services.GetRequiredService<ConfigResolverRuntime>();
        Assert.True(runtime.IsStarted);

        await host.StopAsync();

        Assert.False(runtime.IsStarted);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await host.Services.GetRequiredService<ITenantConfigResolver>().ResolveAsync("system"));
        Assert.Contains("has not started", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checks_without_a_policy_source_say_how_to_add_one()
    {
        using var host = HostFactory.InMemory();
        await host.StartAsync();

        var error = Assert.Throws<InvalidOperationException>(() => host.Services.GetRequiredService<IAuthorizationChecker>().Check(Principal.ForUser(Guid.NewGuid()), "system", "agents:read"));

        Assert.Contains("AddAuthorization", error.Message, StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Fact]
    public async Task Registrations_made_before_AddConfigResolver_are_kept()
    {
        var fake = new FakeResolver();
        using var host = HostFactory.Build(
            new Dictionary<string, string?> { ["ConfigResolver:Store:Provider"] = "InMemory" },
            services: s => s.AddSingleton<ITenantConfigResolver>(fake));

        Assert.Same(fake, host.Services.GetRequiredService<ITenantConfigResolver>());
    }

    [Fact]
    public async Task Narrow_store_interfaces_are_the_started_store()
    {
        using var host = HostFactory.InMemory();
        await host.StartAsync();
        var runtime = host.Services.GetRequiredService<ConfigResolverRuntime>();

        Assert.Same(runtime.Store, host.Services.GetRequiredService<IOrganizationStore>());
        Assert.Same(runtime.Store, host.Services.GetRequiredService<ITenantChangeFeed>());
        Assert.Equal("system", (await host.Services.GetRequiredService<IOrganizationStore>().GetSystemOrganizationAsync()).Slug);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_policy_directory_that_does_not_compile_fails_the_start_with_its_diagnostics()
    {
        var directory = Directory.CreateTempSubdirectory("cfgr-hosting-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "roles.yaml"), "kind: Roles\nscopes: [agents:read]\nroles: {viewer: {scopes: [nope:read]}}\n");
            using var host = HostFactory.InMemory(b => b.AddAuthorization(p => p.FromDirectory(directory, watch: false)));

            var error = await Assert.ThrowsAsync<Policy.Diagnostics.PolicyCompilationException>(() => host.StartAsync());

            Assert.NotEmpty(error.Diagnostics);
            Assert.False(host.Services.GetRequiredService<ConfigResolverRuntime>().IsStarted);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Policies_from_a_store_without_a_revision_fail_the_start_with_POL2040()
    {
        using var host = HostFactory.InMemory(b => b.AddAuthorization(p => p.FromStore()));

        var error = await Assert.ThrowsAsync<Policy.Diagnostics.PolicyCompilationException>(() => host.StartAsync());

        Assert.Equal("POL2040", Assert.Single(error.Diagnostics).Code);
        Assert.False(host.Services.GetRequiredService<ConfigResolverRuntime>().IsStarted);
    }

    private sealed class FakeResolver : ITenantConfigResolver
    {
        public ValueTask<TenantConfig> ResolveAsync(string organizationSlug, string? setup = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public ValueTask<TenantConfig> ResolveForUserAsync(Guid userId, string? setup = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}
