using System.Globalization;
using System.Text.Json;
using ConfigResolver.Configuration;
using ConfigResolver.Resolution;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using Microsoft.Extensions.Configuration;

namespace ConfigResolver.Benchmarks.Resolution;

/// <summary>
/// An in-memory store holding the system organization and <c>organizations</c> tenants, an operator environment, and a
/// resolver whose cache holds every tenant's default setup. The measured tenant is the one in the middle by slug.
/// </summary>
public sealed class ResolutionFixture : IDisposable
{
    public const string Provider = "openai";

    public const string BaseUrlA = "https://a.example/v1";

    public const string BaseUrlB = "https://bb.example/v1";

    private static readonly DateTimeOffset s_time = new(2026, 1, 15, 9, 30, 0, TimeSpan.Zero);

    private ResolutionFixture(int organizations)
    {
        Store = new InMemoryTenantStore();
        var filler = OrgConfigDocument.Parse(ConfigJson("https://filler.example/v1"));
        for (var i = 0; i < organizations; i++)
        {
            var slug = Slug(i);
            var config = i == organizations / 2 ? OrgConfigDocument.Parse(ConfigJson(BaseUrlA)) : filler;
            Store.CreateOrganizationAsync(new Organization { Id = Guid.NewGuid(), Slug = slug, Name = slug, Config = config, CreatedAt = s_time, UpdatedAt = s_time })
                .GetAwaiter().GetResult();
        }

        TargetSlug = Slug(organizations / 2);
        Target = Store.FindOrganizationBySlugAsync(TargetSlug).AsTask().GetAwaiter().GetResult()!;
        TargetB = Target with { Config = OrgConfigDocument.Parse(ConfigJson(BaseUrlB)) };
        var environment = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OPENAI_API_KEY"] = "sk-operator",
            ["OPENAI_MODELS"] = "gpt-4o,gpt-4o-mini",
            ["LAMB_KB_SERVER"] = "http://kb.internal:9090",
        }).Build();
        Resolver = new TenantConfigResolver(Store, environment);
        foreach (var organization in Store.ListOrganizationsAsync().AsTask().GetAwaiter().GetResult())
        {
            Resolver.ResolveAsync(organization.Slug).AsTask().GetAwaiter().GetResult();
        }
    }

    public InMemoryTenantStore Store { get; }

    public TenantConfigResolver Resolver { get; }

    public string TargetSlug { get; }

    /// <summary>The measured tenant as stored (base URL A), and the same tenant with base URL B.</summary>
    public Organization Target { get; }

    public Organization TargetB { get; }

    public static ResolutionFixture Create(int organizations) => new(organizations);

    /// <summary>A tenant's document: its own OpenAI key, base URL and models; everything else from lower layers.</summary>
    public static string ConfigJson(string baseUrl) =>
        """{"version":1,"setups":{"default":{"providers":{"openai":{"api_key":"sk-tenant","base_url":"URL","models":["gpt-4o","gpt-4o-mini"],"default_model":"gpt-4o"}}}}}"""
            .Replace("URL", baseUrl, StringComparison.Ordinal);

    /// <summary>What every benchmark returns for a provider: a checksum of its settings, the same for both ways of getting them.</summary>
    public static int Checksum(string? baseUrl, int apiKeyLength, string? defaultModel, int models) =>
        (baseUrl?.Length ?? 0) + apiKeyLength + (defaultModel?.Length ?? 0) + models;

    /// <summary>The hand-rolled way (LAMB's resolver): the organization's stored JSON, read without layers or provenance.</summary>
    public static int HandRolled(JsonElement root)
    {
        var provider = root.GetProperty("setups").GetProperty("default").GetProperty("providers").GetProperty(Provider);
        return Checksum(
            provider.GetProperty("base_url").GetString(),
            provider.GetProperty("api_key").GetString()!.Length,
            provider.GetProperty("default_model").GetString(),
            provider.GetProperty("models").GetArrayLength());
    }

    public static int Read(ProviderSettings provider) =>
        Checksum(provider.BaseUrl, provider.ApiKey?.Length ?? 0, provider.DefaultModel, provider.Models.Length);

    public void Dispose() => Resolver.Dispose();

    private static string Slug(int i) => "org-" + i.ToString("D5", CultureInfo.InvariantCulture);
}
