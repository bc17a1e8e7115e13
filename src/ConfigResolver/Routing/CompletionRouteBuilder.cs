using System.Collections.Immutable;
using ConfigResolver.Resolution;

namespace ConfigResolver.Routing;

/// <summary>Accumulates candidates and refusals: a provider and model is a candidate once, and each refusal is listed once.</summary>
internal sealed class CompletionRouteBuilder
{
    private readonly ImmutableArray<CompletionCandidate>.Builder _candidates = ImmutableArray.CreateBuilder<CompletionCandidate>();
    private readonly ImmutableArray<RefusedCandidate>.Builder _refused = ImmutableArray.CreateBuilder<RefusedCandidate>();
    private readonly HashSet<(string Provider, string Model)> _seen = [];
    private readonly HashSet<(string? Provider, string? Model)> _refusedKeys = [];
    private readonly HashSet<string> _refusedProviders = new(StringComparer.Ordinal);

    public bool HasCandidates => _candidates.Count > 0;

    public void Add(ProviderSettings provider, string model, CompletionStep step, string reason)
    {
        if (_seen.Add((provider.Name, model)))
        {
            _candidates.Add(new CompletionCandidate(provider.Name, model, provider.BaseUrl, provider.ApiKey, step, reason));
        }
    }

    /// <summary>Refuses a whole provider (disabled, not configured, no key, no models); listed once however often it is looked at.</summary>
    public void RefuseProvider(string provider, string? model, CompletionStep step, string reason)
    {
        if (_refusedProviders.Add(provider))
        {
            _refused.Add(new RefusedCandidate(provider, model, step, reason));
        }
    }

    /// <summary>Refuses one model (not listed); listed once per provider and model.</summary>
    public void RefuseModel(string? provider, string model, CompletionStep step, string reason)
    {
        if (_refusedKeys.Add((provider, model)))
        {
            _refused.Add(new RefusedCandidate(provider, model, step, reason));
        }
    }

    public CompletionRoute Build(TenantConfig config, string? model, string? provider) =>
        new(config.OrganizationSlug, config.Setup, model, provider, _candidates.ToImmutable(), _refused.ToImmutable());
}
