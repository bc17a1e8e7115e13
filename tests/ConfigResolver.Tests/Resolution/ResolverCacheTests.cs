using ConfigResolver.Resolution;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Tests.Resolution;

public sealed class ResolverCacheTests
{
    private const string SystemWithOpenAi = """{"version":1,"setups":{"default":{"providers":{"openai":{"base_url":"https://v1.operator.example"}}}}}""";

    [Fact]
    public async Task Cached_resolve_completes_synchronously_with_the_same_snapshot_and_no_store_read()
    {
        CountingStore? counting = null;
        using var harness = ResolverHarness.Create(wrap: inner => counting = new CountingStore(inner));
        await harness.CreateOrganizationAsync("acme");
        var first = await harness.Resolver.ResolveAsync("acme");
        var reads = counting!.OrganizationReads;

        var pending = harness.Resolver.ResolveAsync("acme");
        var completedSynchronously = pending.IsCompletedSuccessfully;
        var again = await pending;

        Assert.True(completedSynchronously);
        Assert.Same(first, again);
        Assert.Equal(reads, counting.OrganizationReads);
    }

    [Fact]
    public async Task Write_to_one_organization_evicts_all_its_setups_and_nothing_else()
    {
        using var harness = ResolverHarness.Create();
        await harness.CreateOrganizationAsync("acme", """{"version":1,"setups":{"research":{}}}""");
        await harness.CreateOrganizationAsync("beta");
        var acme = await harness.Resolver.ResolveAsync("acme");
        var acmeResearch = await harness.Resolver.ResolveAsync("acme", "research");
        var beta = await harness.Resolver.ResolveAsync("beta");

        await harness.Admin.SetConfigAsync("acme", """{"version":1,"setups":{"research":{}},"metadata":{"description":"v2"}}""");

        var acmeAfter = await harness.Resolver.ResolveAsync("acme");
        Assert.NotSame(acme, acmeAfter);
        Assert.Equal("v2", acmeAfter.Metadata.Description);
        Assert.True(acmeAfter.Generation > acme.Generation);
        Assert.NotSame(acmeResearch, await harness.Resolver.ResolveAsync("acme", "research"));
        Assert.Same(beta, await harness.Resolver.ResolveAsync("beta"));
    }

    [Fact]
    public async Task System_write_evicts_organizations_that_inherit_the_changed_value_and_keeps_the_others()
    {
        using var harness = ResolverHarness.Create();
        await harness.SetSystemConfigAsync(SystemWithOpenAi);
        await harness.CreateOrganizationAsync("inherits");
        await harness.CreateOrganizationAsync("own-url", """{"version":1,"setups":{"default":{"providers":{"openai":{"base_url":"https://own.example"}}}}}""");
        var inherits = await harness.Resolver.ResolveAsync("inherits");
        var ownUrl = await harness.Resolver.ResolveAsync("own-url");
        var system = await harness.Resolver.ResolveSystemAsync();

        await harness.SetSystemConfigAsync(SystemWithOpenAi.Replace("v1", "v2", StringComparison.Ordinal));

        var inheritsAfter = await harness.Resolver.ResolveAsync("inherits");
        Assert.NotSame(inherits, inheritsAfter);
        Assert.Equal("https://v2.operator.example", inheritsAfter.Providers["openai"].BaseUrl);
        Assert.Same(ownUrl, await harness.Resolver.ResolveAsync("own-url"));
        Assert.Equal("https://v2.operator.example", (await harness.Resolver.ResolveSystemAsync()).Providers["openai"].BaseUrl);
        Assert.NotSame(system, await harness.Resolver.ResolveSystemAsync());
    }

    [Fact]
    public async Task System_write_adding_a_provider_evicts_every_snapshot_that_lacked_it()
    {
        using var harness = ResolverHarness.Create();
        await harness.CreateOrganizationAsync("acme", """{"version":1,"setups":{"default":{"providers":{"openai":{"base_url":"https://own.example"}}}}}""");
        var before = await harness.Resolver.ResolveAsync("acme");

        await harness.SetSystemConfigAsync("""{"version":1,"setups":{"default":{"providers":{"mistral":{"base_url":"https://mistral.example"}}}}}""");

        var after = await harness.Resolver.ResolveAsync("acme");
        Assert.NotSame(before, after);
        Assert.Equal(ProviderState.Enabled, after.Providers["mistral"].State);
    }

    [Fact]
    public async Task System_secret_change_evicts_only_organizations_that_opted_in_to_share_it()
    {
        using var harness = ResolverHarness.Create();
        await harness.SetSystemConfigAsync("""{"version":1,"setups":{"default":{"providers":{"openai":{"api_key":"sk-v1"}}}}}""");
        await harness.CreateOrganizationAsync("sharer", """{"version":1,"inheritance":{"providers":{"openai":{"share_api_key":true}}}}""");
        await harness.CreateOrganizationAsync("keeper");
        var sharer = await harness.Resolver.ResolveAsync("sharer");
        var keeper = await harness.Resolver.ResolveAsync("keeper");

        await harness.SetSystemConfigAsync("""{"version":1,"setups":{"default":{"providers":{"openai":{"api_key":"sk-v2"}}}}}""");

        Assert.Equal("sk-v2", (await harness.Resolver.ResolveAsync("sharer")).Providers["openai"].ApiKey?.Reveal());
        Assert.NotSame(sharer, await harness.Resolver.ResolveAsync("sharer"));
        Assert.Same(keeper, await harness.Resolver.ResolveAsync("keeper"));
    }

    [Fact]
    public async Task User_and_membership_writes_evict_nothing()
    {
        using var harness = ResolverHarness.Create();
        await harness.CreateOrganizationAsync("acme");
        var before = await harness.Resolver.ResolveAsync("acme");

        await harness.Admin.AddUserAsync("ann@example.com");
        await harness.Admin.SetMembershipAsync("acme", "ann@example.com", MembershipRole.Owner);

        Assert.Same(before, await harness.Resolver.ResolveAsync("acme"));
    }

    [Fact]
    public async Task Deleted_organization_stops_resolving_and_a_new_one_with_its_slug_is_a_different_tenant()
    {
        using var harness = ResolverHarness.Create();
        var old = await harness.CreateOrganizationAsync("acme", """{"version":1,"metadata":{"description":"old"}}""");
        Assert.Equal("old", (await harness.Resolver.ResolveAsync(old.Id)).Metadata.Description);

        await harness.Admin.DeleteOrganizationAsync("acme");
        await Assert.ThrowsAsync<ConfigResolutionException>(() => harness.Resolver.ResolveAsync("acme").AsTask());
        var reborn = await harness.CreateOrganizationAsync("acme", """{"version":1,"metadata":{"description":"new"}}""");

        Assert.Equal("new", (await harness.Resolver.ResolveAsync("acme")).Metadata.Description);
        Assert.Equal("new", (await harness.Resolver.ResolveAsync(reborn.Id)).Metadata.Description);
        await Assert.ThrowsAsync<ConfigResolutionException>(() => harness.Resolver.ResolveAsync(old.Id).AsTask());
    }

    [Fact]
    public async Task Reader_that_read_before_a_write_cannot_cache_its_stale_snapshot()
    {
        GatedStore? gated = null;
        using var harness = ResolverHarness.Create(wrap: inner => gated = new GatedStore(inner));
        await harness.CreateOrganizationAsync("acme", """{"version":1,"metadata":{"description":"v1"}}""");
        var release = gated!.GateNextSlugRead("acme");

        var staleRead = harness.Resolver.ResolveAsync("acme").AsTask();
        await gated.Reached;
        await harness.Admin.SetConfigAsync("acme", """{"version":1,"metadata":{"description":"v2"}}""");
        release.SetResult();

        Assert.Equal("v1", (await staleRead).Metadata.Description);
        Assert.Equal("v2", (await harness.Resolver.ResolveAsync("acme")).Metadata.Description);
    }

    [Fact]
    public async Task Reader_that_used_the_old_system_organization_cannot_cache_its_snapshot()
    {
        GatedStore? gated = null;
        using var harness = ResolverHarness.Create(wrap: inner => gated = new GatedStore(inner));
        await harness.SetSystemConfigAsync(SystemWithOpenAi);
        await harness.CreateOrganizationAsync("acme");
        await harness.Resolver.ResolveSystemAsync();
        var release = gated!.GateNextSlugRead("acme");

        var staleRead = harness.Resolver.ResolveAsync("acme").AsTask();
        await gated.Reached;
        await harness.SetSystemConfigAsync(SystemWithOpenAi.Replace("v1", "v2", StringComparison.Ordinal));
        release.SetResult();

        Assert.Equal("https://v1.operator.example", (await staleRead).Providers["openai"].BaseUrl);
        Assert.Equal("https://v2.operator.example", (await harness.Resolver.ResolveAsync("acme")).Providers["openai"].BaseUrl);
    }

    [Fact]
    public async Task Readers_running_during_writes_never_go_backwards_and_end_on_the_last_write()
    {
        const int Writes = 150;
        using var harness = ResolverHarness.Create();
        await harness.CreateOrganizationAsync("acme", Description(0));
        using var done = new CancellationTokenSource();

        async Task<int> ReadAsync()
        {
            var last = 0;
            var reads = 0;
            while (!done.IsCancellationRequested || reads == 0)
            {
                var config = await harness.Resolver.ResolveAsync("acme");
                var seen = int.Parse(config.Metadata.Description!, System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(seen >= last, $"read {seen} after {last}");
                last = seen;
                reads++;
                await Task.Yield();
            }

            return reads;
        }

        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(ReadAsync)).ToArray();
        for (var i = 1; i <= Writes; i++)
        {
            await harness.Admin.SetConfigAsync("acme", Description(i));
            await Task.Yield();
        }

        await done.CancelAsync();
        Assert.All(await Task.WhenAll(readers), reads => Assert.True(reads > 0));
        Assert.Equal(Writes.ToString(System.Globalization.CultureInfo.InvariantCulture), (await harness.Resolver.ResolveAsync("acme")).Metadata.Description);
    }

    private static string Description(int version) => $$$"""{"version":1,"metadata":{"description":"{{{version}}}"}}""";
}
