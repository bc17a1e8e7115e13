using ConfigResolver.Routing;
using ConfigResolver.Tests.Resolution;

namespace ConfigResolver.Tests.Routing;

/// <summary>Routes are cached on the snapshot they come from: a repeat is one lookup, a write retires them, the cache is bounded.</summary>
public sealed class CompletionRouteCacheTests : IDisposable
{
    private readonly ResolverHarness _harness = ResolverHarness.Create();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task A_repeated_request_returns_the_cached_route_and_a_write_replaces_it()
    {
        await _harness.CreateOrganizationAsync("engineering", CompletionRouteCases.Engineering);
        var first = await _harness.Resolver.ResolveCompletionAsync("engineering", requestedProvider: "ollama");

        var again = await _harness.Resolver.ResolveCompletionAsync("engineering", requestedProvider: "ollama");
        await _harness.Admin.SetConfigAsync("engineering", CompletionRouteCases.Engineering.Replace("\"default_model\":\"llama3.1:latest\"", "\"default_model\":\"mistral:latest\"", StringComparison.Ordinal));
        var afterWrite = await _harness.Resolver.ResolveCompletionAsync("engineering", requestedProvider: "ollama");

        Assert.Same(first, again);
        Assert.NotSame(first, afterWrite);
        Assert.Equal(("llama3.1:latest", "mistral:latest"), (first.Answer.Model, afterWrite.Answer.Model));
    }

    [Fact]
    public async Task Different_requests_get_different_routes()
    {
        await _harness.CreateOrganizationAsync("engineering", CompletionRouteCases.Engineering);

        var byProvider = await _harness.Resolver.ResolveCompletionAsync("engineering", requestedProvider: "ollama");
        var byModel = await _harness.Resolver.ResolveCompletionAsync("engineering", requestedModel: "ollama");
        var exact = await _harness.Resolver.ResolveCompletionAsync("engineering", setup: "default", requestedModel: "gpt-4", requestedProvider: "openai");

        Assert.Equal(("ollama", "openai", "gpt-4"), (byProvider.Answer.Provider, byModel.Answer.Provider, exact.Answer.Model));
    }

    [Fact]
    public async Task The_cache_keeps_a_bounded_number_of_requests()
    {
        await _harness.CreateOrganizationAsync("engineering", CompletionRouteCases.Engineering);
        for (var i = 0; i < CompletionRouteCache.MaxEntries; i++)
        {
            await _harness.Resolver.ResolveCompletionAsync("engineering", requestedModel: "model-" + i);
        }

        var kept = await _harness.Resolver.ResolveCompletionAsync("engineering", requestedModel: "model-0");
        var beyond = await _harness.Resolver.ResolveCompletionAsync("engineering", requestedModel: "one-too-many");

        Assert.Same(kept, await _harness.Resolver.ResolveCompletionAsync("engineering", requestedModel: "model-0"));
        Assert.NotSame(beyond, await _harness.Resolver.ResolveCompletionAsync("engineering", requestedModel: "one-too-many"));
        Assert.Equal(beyond.Answer.Model, (await _harness.Resolver.ResolveCompletionAsync("engineering", requestedModel: "one-too-many")).Answer.Model);
    }

    [Fact]
    public async Task A_cached_route_allocates_nothing()
    {
        await _harness.CreateOrganizationAsync("engineering", CompletionRouteCases.Engineering);
        var checksum = Route(_harness, 0);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            checksum = Route(_harness, checksum);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(1_001 * 2, checksum);
    }

    // The ValueTask completes synchronously (asserted); reading Result is the allocation-free path under test.
#pragma warning disable CA2012
    private static int Route(ResolverHarness harness, int checksum)
    {
        var pending = harness.Resolver.ResolveCompletionAsync("engineering", null, "gpt-4o", "openai");
        Assert.True(pending.IsCompletedSuccessfully);
        var route = pending.Result;
        return checksum + (route.Answer.Model.Length == 6 ? 1 : 0) + (route.Answer.ApiKey is not null ? 1 : 0);
    }
#pragma warning restore CA2012
}
