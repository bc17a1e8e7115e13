using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace ConfigResolver.Benchmarks.Resolution;

/// <summary>
/// The request path: one provider's settings for one organization from the resolver's cached snapshot. Target: at most
/// 100 ns and 0 bytes. The baseline is the least a cache can do: one dictionary lookup of pre-extracted settings, no layers.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class CachedResolveBenchmarks
{
    private ResolutionFixture _fixture = null!;
    private Dictionary<string, (string BaseUrl, int ApiKeyLength, string DefaultModel, int Models)> _raw = null!;

    [Params(1, 10_000)]
    public int Organizations { get; set; }

    [GlobalSetup]
    public void GlobalSetup()
    {
        _fixture = ResolutionFixture.Create(Organizations);
        _raw = new(StringComparer.Ordinal);
        foreach (var organization in _fixture.Store.ListOrganizationsAsync().AsTask().GetAwaiter().GetResult())
        {
            using var document = JsonDocument.Parse(organization.Config.RevealJson());
            var openai = document.RootElement.TryGetProperty("setups", out var setups)
                ? setups.GetProperty("default").GetProperty("providers").GetProperty(ResolutionFixture.Provider)
                : default;
            if (openai.ValueKind == JsonValueKind.Object)
            {
                _raw[organization.Slug] = (openai.GetProperty("base_url").GetString()!, openai.GetProperty("api_key").GetString()!.Length,
                    openai.GetProperty("default_model").GetString()!, openai.GetProperty("models").GetArrayLength());
            }
        }
    }

    [GlobalCleanup]
    public void GlobalCleanup() => _fixture.Dispose();

    /// <summary>A dictionary of settings extracted up front: no layers, no provenance, no invalidation.</summary>
    [Benchmark(Baseline = true)]
    public int Dictionary_of_settings()
    {
        var (baseUrl, apiKeyLength, defaultModel, models) = _raw[_fixture.TargetSlug];
        return ResolutionFixture.Checksum(baseUrl, apiKeyLength, defaultModel, models);
    }

    /// <summary>ResolveAsync on a cache hit (a synchronously completed ValueTask), then the provider's typed settings.</summary>
    [Benchmark]
    public int Resolve_cached()
    {
        var pending = _fixture.Resolver.ResolveAsync(_fixture.TargetSlug);
        var config = pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
        return config.TryGetProvider(ResolutionFixture.Provider, out var provider) ? ResolutionFixture.Read(provider) : 0;
    }

    /// <summary>The same through the generic view: four values looked up by pointer.</summary>
    [Benchmark]
    public int Resolve_cached_by_pointer()
    {
        var pending = _fixture.Resolver.ResolveAsync(_fixture.TargetSlug);
        var config = pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
        return ResolutionFixture.Checksum(
            config.Values["/providers/openai/base_url"].Value?.AsString(),
            config.Values["/providers/openai/api_key"].Value?.AsSecret().Length ?? 0,
            config.Values["/providers/openai/default_model"].Value?.AsString(),
            config.Values["/providers/openai/models"].Value?.AsList().Length ?? 0);
    }
}
