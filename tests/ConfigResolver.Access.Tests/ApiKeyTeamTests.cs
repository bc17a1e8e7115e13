using ConfigResolver.Access.Tests.Support;
using ConfigResolver.Commerce;

namespace ConfigResolver.Access.Tests;

public sealed class ApiKeyTeamTests
{
    [Fact]
    public async Task A_key_bound_to_a_team_authenticates_to_a_principal_carrying_it_and_an_unbound_key_to_none()
    {
        await using var world = await AccessWorld.CreateAsync();
        var acme = (await world.Store.FindOrganizationBySlugAsync("acme"))!;
        await world.Store.ApplyCommerceAsync(CommerceCommand.CreateTeam(acme.Id, "research", null, world.Clock.GetUtcNow()));
        var ann = await world.PrincipalAsync("ann@acme.example");
        var bound = await world.Keys().CreateApiKeyAsync("acme", ann, "lab", ["agents:read"], team: "research");
        var unbound = await world.Keys().CreateApiKeyAsync("acme", ann, "ci", ["agents:read"]);
        await using var authenticator = new ApiKeyAuthenticator(world.Store, world.Options);

        var boundPrincipal = await authenticator.AuthenticateAsync(bound.Secret.Reveal());
        var unboundPrincipal = await authenticator.AuthenticateAsync(unbound.Secret.Reveal());

        Assert.Equal("research", bound.Key.Team);
        Assert.Equal("research", boundPrincipal.Team);
        Assert.Null(unboundPrincipal.Team);
    }
}
