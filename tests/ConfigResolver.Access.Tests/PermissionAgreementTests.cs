using ConfigResolver.Access.Tests.Support;
using ConfigResolver.Authorization;
using ConfigResolver.Tenancy;
using ConfigResolver.Testing;

namespace ConfigResolver.Access.Tests;

/// <summary>
/// GetPermissions and WhoCan against Check, over the shipped policies and a seeded world: every principal (platform
/// administrator, each role, outsiders, service keys, keys acting for users, another organization's key), every
/// organization (active, suspended, trial, the system one), every declared action, with no resource and with every
/// provider the organization's configuration names. They must agree exactly.
/// </summary>
public sealed class PermissionAgreementTests : IAsyncLifetime
{
    private AccessWorld _world = null!;
    private List<(string Name, Principal Principal)> _principals = null!;

    public async Task InitializeAsync()
    {
        _world = await AccessWorld.CreateAsync();
        var admin = new TenantAdministration(_world.Store, _world.Clock);
        await admin.SuspendAsync("beta");
        await admin.SetStatusAsync("quiet", OrganizationStatus.Trial);
        await admin.SetMembershipAsync("quiet", "bob@acme.example", MembershipRole.Admin);
        _principals = [];
        foreach (var user in await _world.Store.ListUsersAsync())
        {
            _principals.Add((user.Email, Principal.ForUser(user.Id)));
        }

        var acme = (await _world.Store.FindOrganizationBySlugAsync("acme"))!;
        var beta = (await _world.Store.FindOrganizationBySlugAsync("beta"))!;
        var bob = await _world.UserAsync("bob@acme.example");
        var vic = await _world.UserAsync("vic@acme.example");
        var keys = new[]
        {
            AccessFactory.Key(acme, "service2agent", _world.Clock, "agents:*", "tools:read", "completions:create"),
            AccessFactory.Key(acme, "bobeverythin", _world.Clock, "*:*") with { ActAsUserId = bob.Id },
            AccessFactory.Key(acme, "vicwrites234", _world.Clock, "*:write", "messages:*") with { ActAsUserId = vic.Id },
            AccessFactory.Key(acme, "readonly2345", _world.Clock, "*:read"),
            AccessFactory.Key(beta, "betaservice2", _world.Clock, "*:*"),
        };
        foreach (var key in keys)
        {
            await _world.Store.CreateApiKeyAsync(key);
            _principals.Add(("key " + key.Prefix, ApiKeyPrincipal.For(key)));
        }

        await _world.Authorization.WhenChangesAppliedAsync();
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Permissions_list_exactly_what_check_allows_for_every_principal_action_and_resource()
    {
        var service = _world.Permissions();
        var snapshot = _world.Authorization.Current;
        var checkedCount = 0;
        foreach (var organization in await OrganizationsAsync())
        {
            var resources = await ResourcesAsync(organization);
            foreach (var (name, principal) in _principals)
            {
                var permissions = await service.GetPermissionsAsync(principal, organization);
                foreach (var action in snapshot.Policy.Scopes)
                {
                    foreach (var resource in resources)
                    {
                        var expected = snapshot.Check(principal, organization, action, resource).Allowed;
                        Assert.True(expected == Covers(permissions, action, resource), $"{name} in {organization}: {action} on {resource ?? "(none)"}: Check says {expected}");
                        checkedCount++;
                    }
                }

                Assert.All(permissions.Allowed, p => Assert.False(string.IsNullOrWhiteSpace(p.GrantedBy)));
            }
        }

        Assert.True(checkedCount > 3000, $"only {checkedCount} comparisons");
    }

    [Fact]
    public async Task Who_can_lists_exactly_the_users_and_keys_check_allows()
    {
        var service = _world.Permissions();
        var snapshot = _world.Authorization.Current;
        foreach (var organization in await OrganizationsAsync())
        {
            foreach (var action in snapshot.Policy.Scopes)
            {
                foreach (var resource in new[] { null, "provider/openai" })
                {
                    var answer = (await service.WhoCanAsync(organization, action, resource))
                        .Select(g => g.Kind == "user" ? g.Email! : "key " + _principals.Single(p => p.Principal.ApiKeyId == g.KeyId?.ToString("D")).Name[4..])
                        .Order(StringComparer.Ordinal);
                    var expected = _principals.Where(p => snapshot.Check(p.Principal, organization, action, resource).Allowed).Select(p => p.Name).Order(StringComparer.Ordinal);
                    Assert.Equal(expected, answer);
                }
            }
        }
    }

    [Fact]
    public async Task A_member_sees_completions_only_on_the_enabled_provider_and_a_viewer_only_the_viewer_scopes()
    {
        var service = _world.Permissions();

        var bob = await service.GetPermissionsAsync(await _world.PrincipalAsync("bob@acme.example"), "acme");
        var vic = await service.GetPermissionsAsync(await _world.PrincipalAsync("vic@acme.example"), "acme");

        Assert.Equal([("completions:create", "provider/openai")], bob.Allowed.Where(p => p.Action == "completions:create").Select(p => (p.Action, p.Resource)));
        Assert.Contains(bob.Allowed, p => p.Action == "agents:write" && p.Resource == "*" && p.GrantedBy.Contains("role 'member'", StringComparison.Ordinal));
        Assert.Equal(["agents:read", "messages:read", "tools:read", "sources:read", "projects:read", "users:read"], vic.Allowed.Select(p => p.Action));
    }

    private static bool Covers(PermissionSet permissions, string action, string? resource) =>
        permissions.Allowed.Any(p => p.Action == action && (p.Resource == "*" || p.Resource == resource));

    private async Task<List<string>> OrganizationsAsync() => [.. (await _world.Store.ListOrganizationsAsync()).Select(o => o.Slug)];

    private async Task<List<string?>> ResourcesAsync(string organization)
    {
        var config = await _world.Resolver.ResolveAsync(organization);
        return [null, .. config.Providers.Keys.Order(StringComparer.Ordinal).Select(p => "provider/" + p)];
    }
}
