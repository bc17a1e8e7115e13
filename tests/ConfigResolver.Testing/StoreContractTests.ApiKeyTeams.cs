using ConfigResolver.Commerce;

namespace ConfigResolver.Testing;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task An_api_key_bound_to_a_team_reads_back_with_it_and_an_unknown_team_is_refused_with_nothing_stored()
    {
        var acme = await AddOrganizationAsync("acme");
        await Store.ApplyCommerceAsync(CommerceCommand.CreateTeam(acme.Id, "research", null, Time.GetUtcNow()));
        var bound = AccessFactory.Key(acme, "team2345abcd", Time) with { Team = "research" };

        await Store.CreateApiKeyAsync(bound);
        await AssertRefusedAsync<QuotaException>(
            () => Store.CreateApiKeyAsync(AccessFactory.Key(acme, "nope2345abcd", Time) with { Team = "sales" }), QuotaDiagnosticCodes.UnknownTeam);

        Assert.Equal("research", (await Store.GetApiKeyAsync(bound.Id))!.Team);
        Assert.Equal(bound, await Store.FindApiKeyByPrefixAsync("team2345abcd"));
        Assert.Null(await Store.FindApiKeyByPrefixAsync("nope2345abcd"));
        Assert.Equal([bound.Id], (await Store.ListApiKeysAsync(acme.Id)).Select(k => k.Id));
    }
}
