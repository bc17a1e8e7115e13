using BenchmarkDotNet.Attributes;
using ConfigResolver.Configuration;
using ConfigResolver.Resolution;
using ConfigResolver.Routing;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using Microsoft.Extensions.Configuration;

namespace ConfigResolver.Benchmarks.Resolution;

/// <summary>
/// The completion pipeline's question on every request: which provider, model, base URL and key. Target: a cached answer
/// in at most 100 ns and 0 bytes. Every organization holds LAMB's example document (three providers, one disabled); the
/// measured one is in the middle by slug. The baseline is the least a cache can do: one dictionary lookup of answers
/// extracted up front (no layers, no snapshot, no invalidation).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class CompletionRouteBenchmarks
{
    public const string Document = """
        {"version":"1.0","setups":{"default":{"name":"Default Setup","providers":{
          "openai":{"enabled":true,"api_key":"sk-tenant","base_url":"https://api.openai.com/v1","default_model":"gpt-4o-mini","models":["gpt-4o","gpt-4o-mini","gpt-4"]},
          "ollama":{"enabled":true,"base_url":"http://localhost:11434","default_model":"llama3.1:latest","models":["llama3.1:latest","mistral:latest","llama2:latest"]},
          "anthropic":{"enabled":false,"api_key":"","default_model":"claude-3-5-sonnet-20241022","models":[]}}}},
         "kb_server":{"url":"http://localhost:9090","api_key":"kb-api-key"}}
        """;

    private static readonly DateTimeOffset s_time = new(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);

    private InMemoryTenantStore _store = null!;
    private TenantConfigResolver _resolver = null!;
    private TenantConfig _config = null!;
    private string _slug = null!;
    private Dictionary<(string Org, string? Model, string? Provider), (string Provider, string Model, string? BaseUrl, int KeyLength)> _answers = null!;

    [Params(1, 10_000)]
    public int Organizations { get; set; }

    [GlobalSetup]
    public void GlobalSetup()
    {
        _store = new InMemoryTenantStore();
        var document = OrgConfigDocument.Parse(Document);
        for (var i = 0; i < Organizations; i++)
        {
            var slug = "org-" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
            _store.CreateOrganizationAsync(new Organization { Id = Guid.NewGuid(), Slug = slug, Name = slug, Config = document, CreatedAt = s_time, UpdatedAt = s_time })
                .GetAwaiter().GetResult();
        }

        _slug = "org-" + (Organizations / 2).ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
        _resolver = new TenantConfigResolver(_store, new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["OPENAI_API_KEY"] = "sk-operator" }).Build());
        _answers = [];
        foreach (var organization in _store.ListOrganizationsAsync().AsTask().GetAwaiter().GetResult().Where(static o => !o.IsSystem))
        {
            foreach (var (model, provider) in new[] { ((string?)null, (string?)null), ("gpt-4o", "openai") })
            {
                var answer = _resolver.ResolveCompletionAsync(organization.Slug, null, model, provider).AsTask().GetAwaiter().GetResult().Answer;
                _answers[(organization.Slug, model, provider)] = (answer.Provider, answer.Model, answer.BaseUrl, answer.ApiKey?.Length ?? 0);
            }
        }

        _config = _resolver.ResolveAsync(_slug).AsTask().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void GlobalCleanup() => _resolver.Dispose();

    /// <summary>Answers extracted up front into a dictionary: no layers, no snapshot, no invalidation.</summary>
    [Benchmark(Baseline = true)]
    public int Dictionary_of_answers()
    {
        var (provider, model, baseUrl, keyLength) = _answers[(_slug, null, null)];
        return Checksum(provider, model, baseUrl, keyLength);
    }

    /// <summary>ResolveCompletionAsync with no requested model: the cached snapshot, then its cached route.</summary>
    [Benchmark]
    public int Route_cached() => Read(_resolver.ResolveCompletionAsync(_slug));

    /// <summary>The same for a request naming provider and model.</summary>
    [Benchmark]
    public int Route_cached_requested() => Read(_resolver.ResolveCompletionAsync(_slug, null, "gpt-4o", "openai"));

    /// <summary>Computing the route from the cached snapshot, without the route cache: what a first request costs beyond the resolve.</summary>
    [Benchmark]
    public int Route_computed()
    {
        var answer = CompletionRouter.Route(_config, null, null).Answer;
        return Checksum(answer.Provider, answer.Model, answer.BaseUrl, answer.ApiKey?.Length ?? 0);
    }

    public static int Checksum(string provider, string model, string? baseUrl, int keyLength) =>
        provider.Length + model.Length + (baseUrl?.Length ?? 0) + keyLength;

    private static int Read(ValueTask<CompletionRoute> pending)
    {
        var answer = (pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult()).Answer;
        return Checksum(answer.Provider, answer.Model, answer.BaseUrl, answer.ApiKey?.Length ?? 0);
    }
}
