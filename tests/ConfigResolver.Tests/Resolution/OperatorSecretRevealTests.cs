using ConfigResolver.Resolution;

namespace ConfigResolver.Tests.Resolution;

/// <summary>
/// Revealing secrets shows an organization's own keys and the operator keys it opted in to, never an operator key it
/// did not opt in to: not when it has its own key that shadows the operator's, not when it disabled the provider.
/// </summary>
public sealed class OperatorSecretRevealTests
{
    private const string OperatorKey = "sk-operator-env";

    public static TheoryData<string, string, bool> Organizations() => new()
    {
        { "own key, not shared", """{"version":1,"setups":{"default":{"providers":{"openai":{"api_key":"sk-acme-own-key"}}}}}""", false },
        { "provider disabled", """{"version":1,"setups":{"default":{"providers":{"openai":{"enabled":false}}}}}""", false },
        { "disabled but configured with its own key", """{"version":1,"setups":{"default":{"providers":{"openai":{"enabled":false,"api_key":"sk-acme-own-key"}}}}}""", false },
        { "nothing of its own, not shared", """{"version":1}""", false },
        { "opted in to sharing", """{"version":1,"inheritance":{"providers":{"openai":{"share_api_key":true}}}}""", true },
        { "own key and opted in", """{"version":1,"setups":{"default":{"providers":{"openai":{"api_key":"sk-acme-own-key"}}}},"inheritance":{"providers":{"openai":{"share_api_key":true}}}}""", true },
    };

    [Theory]
    [MemberData(nameof(Organizations))]
    public async Task Revealed_explanations_show_the_operator_key_only_to_an_organization_that_opted_in(string what, string configJson, bool optedIn)
    {
        using var harness = ResolverHarness.Create(new Dictionary<string, string?> { ["OPENAI_API_KEY"] = OperatorKey });
        await harness.CreateOrganizationAsync("acme", configJson);
        var config = await harness.Resolver.ResolveAsync("acme");

        var revealed = TenantConfigJson.Serialize(config, revealSecrets: true, explain: true);
        var shadowedOperatorKeys = config.AllValues.SelectMany(v => v.Provenance.Shadowed).Where(s => s.Source == "OPENAI_API_KEY").ToList();

        Assert.True(optedIn == revealed.Contains(OperatorKey, StringComparison.Ordinal), $"{what}: operator key revealed = {!optedIn}");
        Assert.All(shadowedOperatorKeys, s => Assert.Equal(!optedIn, s.Withheld));
    }
}
