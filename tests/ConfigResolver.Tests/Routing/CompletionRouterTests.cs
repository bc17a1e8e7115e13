using ConfigResolver.Diagnostics;
using ConfigResolver.Routing;
using ConfigResolver.Tests.Resolution;

namespace ConfigResolver.Tests.Routing;

/// <summary>LAMB's order over enabled providers: requested, global default, requested provider's default, first available.</summary>
public sealed class CompletionRouterTests
{
    // The operator's environment in every case: an OpenAI key and models (not shared unless an organization opts in).
    private static readonly Dictionary<string, string?> s_environment = new()
    {
        ["OPENAI_API_KEY"] = "sk-operator",
        ["OPENAI_MODELS"] = "gpt-4o",
    };

    public static TheoryData<string, string, string?, string?, string, string> Cases => CompletionRouteCases.Cases;

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Route_follows_lambs_order_over_usable_providers(string name, string json, string? model, string? provider, string candidates, string refused)
    {
        using var harness = ResolverHarness.Create(s_environment);
        await harness.CreateOrganizationAsync("acme", json);

        var route = await harness.Resolver.ResolveCompletionAsync("acme", requestedModel: model, requestedProvider: provider);

        Assert.Equal(candidates, string.Join(' ', route.Candidates.Select(static c => $"{c.Provider}/{c.Model}@{(int)c.Step}")));
        AssertRefused(name, refused, route);
        Assert.Same(route.Candidates[0], route.Answer);
    }

    [Fact]
    public async Task Candidates_carry_base_url_and_key_as_a_secret_handle_that_no_rendering_shows()
    {
        using var harness = ResolverHarness.Create(s_environment);
        await harness.CreateOrganizationAsync("engineering", CompletionRouteCases.Engineering);

        var route = await harness.Resolver.ResolveCompletionAsync("engineering");

        var answer = route.Answer;
        Assert.Equal(("openai", "gpt-4o-mini", "https://api.openai.com/v1", "sk-eng"), (answer.Provider, answer.Model, answer.BaseUrl, answer.ApiKey?.Reveal()));
        Assert.Null(route.Candidates[1].ApiKey);
        Assert.DoesNotContain("sk-eng", answer.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("sk-eng", route.ToString(), StringComparison.Ordinal);
        var json = CompletionRouteJson.Serialize(route);
        Assert.DoesNotContain("sk-eng", json, StringComparison.Ordinal);
        Assert.Contains("\"api_key\":\"[redacted]\"", json, StringComparison.Ordinal);
        Assert.Contains("\"api_key\":null", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_readme_example_answers_as_the_readme_says()
    {
        using var harness = ResolverHarness.Create();
        await harness.CreateOrganizationAsync("acme", """
            {"version":1,"setups":{"default":{"providers":{"openai":{"api_key":"sk-acme","models":["gpt-4o","gpt-4o-mini"],"default_model":"gpt-4o"}}}},
             "inheritance":{"kb_server":{"share_api_key":true}}}
            """);

        var route = await harness.Resolver.ResolveCompletionAsync("acme", requestedModel: "gpt-4o", requestedProvider: "openai");

        Assert.Equal("openai/gpt-4o at https://api.openai.com/v1, api_key [redacted]: requested model 'gpt-4o' of provider 'openai'", route.Answer.ToString());
        Assert.Equal("sk-acme", route.Answer.ApiKey!.Reveal());
    }

    [Fact]
    public async Task A_request_nothing_satisfies_is_an_error_listing_what_was_tried_and_why()
    {
        using var harness = ResolverHarness.Create(s_environment);
        await harness.CreateOrganizationAsync("closed", """{"version":"1.0","setups":{"default":{"providers":{"anthropic":{"enabled":false},"openai":{"models":["gpt-4o"]},"ollama":{}}}}}""");

        var exception = await Assert.ThrowsAsync<CompletionRouteException>(async () => await harness.Resolver.ResolveCompletionAsync("closed", requestedModel: "gpt-4o", requestedProvider: "openai"));

        Assert.Equal(
            [
                "route: error CFG1050: no provider and model qualifies for org 'closed' setup 'default' (requested model 'gpt-4o' of provider 'openai'); refused 3:",
                "route: info CFG1051: openai/gpt-4o: provider 'openai' has no key and no opt-in share of the operator's key (set /inheritance/providers/openai/share_api_key to true).",
                "route: info CFG1051: anthropic: provider 'anthropic' is disabled by org /setups/default/providers/anthropic/enabled.",
                "route: info CFG1051: ollama: provider 'ollama' lists no models.",
            ],
            exception.Diagnostics.Select(static d => d.ToString()));
        Assert.Equal(DiagnosticCodes.NoCompletionCandidate, exception.Diagnostics[0].Code);
        Assert.Equal(3, exception.Refused.Length);
        Assert.DoesNotContain("sk-operator", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organization_without_any_provider_fails_with_one_line()
    {
        using var harness = ResolverHarness.Create();
        await harness.CreateOrganizationAsync("empty");

        var exception = await Assert.ThrowsAsync<CompletionRouteException>(async () => await harness.Resolver.ResolveCompletionAsync("empty"));

        Assert.Equal("route: error CFG1050: no provider and model qualifies for org 'empty' setup 'default': no provider is configured with models.", Assert.Single(exception.Diagnostics).ToString());
    }

    [Fact]
    public async Task A_user_routes_through_their_organization_and_a_user_without_one_through_the_system_organization()
    {
        using var harness = ResolverHarness.Create(s_environment);
        await harness.CreateOrganizationAsync("engineering", CompletionRouteCases.Engineering);
        await harness.Admin.AddUserAsync("ann@eng.example");
        await harness.Admin.AddUserAsync("bob@nowhere.example");
        await harness.Admin.SetMembershipAsync("engineering", "ann@eng.example", ConfigResolver.Tenancy.MembershipRole.Owner);

        var ann = await harness.Resolver.ResolveCompletionForUserByEmailAsync("ann@eng.example", requestedProvider: "ollama");
        var bob = await harness.Resolver.ResolveCompletionForUserByEmailAsync("bob@nowhere.example");

        Assert.Equal(("engineering", "ollama/llama3.1:latest"), (ann.OrganizationSlug, $"{ann.Answer.Provider}/{ann.Answer.Model}"));
        Assert.Equal(("system", "openai/gpt-4o", "sk-operator"), (bob.OrganizationSlug, $"{bob.Answer.Provider}/{bob.Answer.Model}", bob.Answer.ApiKey?.Reveal()));
    }

    private static void AssertRefused(string name, string expected, CompletionRoute route)
    {
        var actual = route.Refused.ToList();
        if (expected == "-")
        {
            Assert.True(actual.Count == 0, $"{name}: expected no refusal; got {string.Join("; ", actual)}");
            return;
        }

        // Each expectation is "who:words", who being provider, provider/model or model.
        var parts = expected.Split(" | ");
        Assert.True(parts.Length == actual.Count, $"{name}: expected {parts.Length} refusals; got {string.Join("; ", actual)}");
        for (var i = 0; i < parts.Length; i++)
        {
            var colon = parts[i].IndexOf(':', StringComparison.Ordinal);
            var who = parts[i][..colon];
            var words = parts[i][(colon + 1)..];
            var rendered = actual[i].ToString();
            Assert.True(rendered.StartsWith(who + ":", StringComparison.Ordinal) && rendered.Contains(words, StringComparison.Ordinal), $"{name}: refusal {i + 1} is '{rendered}', expected '{who}: ...{words}...'");
        }
    }
}
