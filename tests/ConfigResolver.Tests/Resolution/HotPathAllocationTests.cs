using ConfigResolver.Resolution;

namespace ConfigResolver.Tests.Resolution;

/// <summary>The request path: a cached resolve and reading one provider's settings allocate nothing.</summary>
public sealed class HotPathAllocationTests
{
    [Fact]
    public async Task Cached_resolve_and_reading_a_providers_settings_allocate_nothing()
    {
        using var harness = ResolverHarness.Create(new Dictionary<string, string?> { ["OPENAI_API_KEY"] = "sk-op" });
        await harness.CreateOrganizationAsync("acme", """{"version":1,"setups":{"default":{"providers":{"openai":{"api_key":"sk-acme","models":["gpt-4o"]}}}}}""");
        var organizationId = (await harness.Resolver.ResolveAsync("acme")).OrganizationId;
        await harness.Resolver.ResolveAsync(organizationId);
        await harness.Resolver.ResolveSystemAsync();

        var allocated = MeasureAllocations(harness.Resolver, organizationId);

        Assert.Equal(0, allocated);
    }

    private static long MeasureAllocations(TenantConfigResolver resolver, Guid organizationId)
    {
        var checksum = 0;
        ReadProvider(resolver, organizationId, ref checksum);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            ReadProvider(resolver, organizationId, ref checksum);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(1_001 * 5, checksum);
        return allocated;
    }

    // The ValueTasks complete synchronously (asserted); reading Result is the allocation-free path under test.
#pragma warning disable CA2012
    private static void ReadProvider(TenantConfigResolver resolver, Guid organizationId, ref int checksum)
    {
        var bySlug = resolver.ResolveAsync("acme");
        var byId = resolver.ResolveAsync(organizationId);
        var system = resolver.ResolveSystemAsync();
        Assert.True(bySlug.IsCompletedSuccessfully && byId.IsCompletedSuccessfully && system.IsCompletedSuccessfully);
        var config = bySlug.Result;
        _ = byId.Result;
        _ = system.Result;
        if (config.TryGetProvider("openai", out var openai) && openai.IsEnabled)
        {
            checksum += openai.ApiKey!.Length > 0 ? 1 : 0;
            checksum += openai.BaseUrl!.Length > 0 ? 1 : 0;
            checksum += openai.Models.Length;
            checksum += config.Values["/providers/openai/enabled"].Value!.AsBoolean() ? 1 : 0;
            checksum += config.TryGetValue("/kb_server/url", out var kb) && kb.State == ValueState.Absent ? 1 : 0;
        }
    }
#pragma warning restore CA2012
}
