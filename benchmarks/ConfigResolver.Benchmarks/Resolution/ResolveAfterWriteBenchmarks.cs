using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace ConfigResolver.Benchmarks.Resolution;

/// <summary>
/// The first resolve after a write to the organization: the write publishes a change, the resolver evicts the organization's
/// snapshots, and the next resolve reads the store and builds a new snapshot. Each invocation writes the other of two
/// versions (base URL A or B), so every resolve sees new data. Target: at most 50 µs for the resolve; the write alone is
/// measured too, so its cost can be told apart. The baseline is what a hand-rolled resolver does on every request: parse
/// the organization's stored JSON and read the provider.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ResolveAfterWriteBenchmarks
{
    private ResolutionFixture _fixture = null!;
    private string _storedJson = null!;
    private bool _flip;

    [Params(1, 10_000)]
    public int Organizations { get; set; }

    [GlobalSetup]
    public void GlobalSetup()
    {
        _fixture = ResolutionFixture.Create(Organizations);
        _storedJson = _fixture.Target.Config.RevealJson();
    }

    [GlobalCleanup]
    public void GlobalCleanup() => _fixture.Dispose();

    /// <summary>Parse the stored document and read the provider, no layers or provenance (LAMB's way, per request).</summary>
    [Benchmark(Baseline = true)]
    public int Parse_stored_json()
    {
        using var document = JsonDocument.Parse(_storedJson);
        return ResolutionFixture.HandRolled(document.RootElement);
    }

    /// <summary>The write alone: the store's update, its change event and the resolver's eviction.</summary>
    [Benchmark]
    public int Write_only()
    {
        _flip = !_flip;
        _fixture.Store.UpdateOrganizationAsync(_flip ? _fixture.TargetB : _fixture.Target).GetAwaiter().GetResult();
        return _flip ? 1 : 0;
    }

    /// <summary>The write, then the first resolve after it (a cache miss that rebuilds the snapshot).</summary>
    [Benchmark]
    public int Write_then_resolve()
    {
        _flip = !_flip;
        _fixture.Store.UpdateOrganizationAsync(_flip ? _fixture.TargetB : _fixture.Target).GetAwaiter().GetResult();
        var pending = _fixture.Resolver.ResolveAsync(_fixture.TargetSlug);
        var config = pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
        return config.TryGetProvider(ResolutionFixture.Provider, out var provider) ? ResolutionFixture.Read(provider) : 0;
    }
}
