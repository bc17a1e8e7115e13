using ConfigResolver.Commerce;
using ConfigResolver.Resolution;
using ConfigResolver.Routing;
using ConfigResolver.Tests.Resolution;

namespace ConfigResolver.Tests.Routing;

public sealed class TeamRoutingTests
{
    private const string Config = """
        {"version": 1, "setups": {"default": {"providers": {
          "openai": {"enabled": true, "api_key": "sk-test-123456", "models": ["gpt-4o", "gpt-4o-mini"], "default_model": "gpt-4o"},
          "ollama": {"enabled": true, "base_url": "http://localhost:11434", "models": ["llama3"], "default_model": "llama3"},
          "google": {"enabled": false, "models": ["gemini"]}}}}}
        """;

    public static TheoryData<string?, string[], string[]> Cases => new()
    {
        // requested model, expected candidates (provider/model), expected refused models
        { null, ["ollama/llama3", "openai/gpt-4o-mini"], ["mistral", "gemini"] },
        { "gpt-4o-mini", ["openai/gpt-4o-mini", "ollama/llama3"], ["mistral", "gemini"] },
        { "gpt-4o", ["ollama/llama3", "openai/gpt-4o-mini"], ["gpt-4o", "mistral", "gemini"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_team_routes_only_to_its_groups_models_in_priority_order_and_skips_unlisted_ones(string? model, string[] candidates, string[] refused)
    {
        var config = await ConfigAsync();
        var routing = TeamRouting.For(State(), "acme", "research");

        var route = routing.Route(config, model);

        Assert.Equal(candidates, route.Candidates.Select(c => c.Provider + "/" + c.Model));
        Assert.Equal(refused, route.Refused.Select(r => r.Model));
        Assert.Contains(route.Refused, r => r.Reason.Contains("model group 'fast': model 'mistral' skipped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_team_without_model_groups_routes_like_its_organization_and_routes_are_cached_per_snapshot()
    {
        var config = await ConfigAsync();
        var routing = TeamRouting.For(State(), "acme", "acme_default");

        var first = routing.Route(config);

        Assert.Equal(config.RouteCompletion().Candidates.Select(c => c.Model), first.Candidates.Select(c => c.Model));
        Assert.Same(first, routing.Route(config));
    }

    [Fact]
    public async Task Unlisted_models_are_reported_and_a_team_whose_models_are_all_unavailable_fails_with_the_refusals()
    {
        var config = await ConfigAsync();
        var state = State() with { ModelGroups = [new ModelGroup("gone", [new ModelGroupEntry("gemini", "google", 1)])] };
        state = state with { Teams = [.. state.Teams.Select(t => t.Name == "research" ? t with { ModelGroups = ["gone"] } : t)] };
        var routing = TeamRouting.For(state, "acme", "research");

        Assert.Equal(["gemini"], routing.Unlisted(config).Select(m => m.Entry.Model));
        var failure = Assert.Throws<CompletionRouteException>(() => routing.Route(config));
        Assert.Contains(failure.Route.Refused, r => r.Model == "gemini");
        Assert.Equal(QuotaDiagnosticCodes.UnknownTeam, Assert.Throws<QuotaException>(() => TeamRouting.For(state, "acme", "ghost")).Code);
    }

    private static CommerceState State() => new(Guid.NewGuid())
    {
        ModelGroups =
        [
            new ModelGroup("fast", [new ModelGroupEntry("mistral", null, 1), new ModelGroupEntry("llama3", null, 2), new ModelGroupEntry("gpt-4o-mini", "openai", 3)]),
            new ModelGroup("extra", [new ModelGroupEntry("gemini", null, 1)]),
        ],
        Teams = [new Team("acme_default") { IsDefault = true }, new Team("research") { ModelGroups = ["fast", "extra"] }],
    };

    private static async Task<TenantConfig> ConfigAsync()
    {
        using var harness = ResolverHarness.Create();
        await harness.CreateOrganizationAsync("acme", Config);
        return await harness.Resolver.ResolveAsync("acme");
    }
}
