using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ConfigResolver.Access.Tests.Support;
using ConfigResolver.Testing;

namespace ConfigResolver.Access.Tests;

public sealed partial class ApiKeyServiceTests : IAsyncLifetime
{
    private AccessWorld _world = null!;

    public async Task InitializeAsync() => _world = await AccessWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_created_key_has_the_documented_format_and_only_the_hash_of_its_secret_is_stored()
    {
        var created = await _world.Keys().CreateApiKeyAsync("acme", await _world.PrincipalAsync("ann@acme.example"), "ci", ["agents:read"]);

        var text = created.Secret.Reveal();
        var match = KeyFormat().Match(text);
        Assert.True(match.Success, text.Length + " characters, not in the key format");
        Assert.Equal(created.Key.Prefix, match.Groups["prefix"].Value);
        var stored = await _world.Store.GetApiKeyAsync(created.Key.Id);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(match.Groups["secret"].Value))), stored!.SecretHash);
        var dump = await StoreDump.CaptureAsync(_world.Store);
        Assert.DoesNotContain(match.Groups["secret"].Value, dump, StringComparison.Ordinal);
        Assert.DoesNotContain(match.Groups["secret"].Value, stored.ToString(), StringComparison.Ordinal);
        Assert.Equal("[redacted]", created.Secret.ToString());
        Assert.Equal("user:ann@acme.example", stored.CreatedBy);
    }

    [Fact]
    public async Task Secrets_differ_for_every_key_even_from_one_seeded_source()
    {
        var keys = _world.Keys();
        var ann = await _world.PrincipalAsync("ann@acme.example");

        var first = await keys.CreateApiKeyAsync("acme", ann, "one", ["agents:read"]);
        var second = await keys.CreateApiKeyAsync("acme", ann, "two", ["agents:read"]);

        Assert.NotEqual(first.Secret.Reveal(), second.Secret.Reveal());
        Assert.NotEqual(first.Key.Prefix, second.Key.Prefix);
    }

    public static TheoryData<string, string[], string, string> RefusedScopes => new()
    {
        { "bob@acme.example", ["agents:delete"], AccessDiagnosticCodes.ScopeNotHeld, "'agents:delete'" },
        { "bob@acme.example", ["agents:*"], AccessDiagnosticCodes.ScopeNotHeld, "'agents:*', which covers 'agents:delete'" },
        { "vic@acme.example", ["agents:read", "messages:create"], AccessDiagnosticCodes.ScopeNotHeld, "'messages:create'" },
        { "dave@example.com", ["agents:read"], AccessDiagnosticCodes.ScopeNotHeld, "'agents:read'" },
        { "ann@acme.example", ["agents:fly"], AccessDiagnosticCodes.UnknownScope, "'agents:fly'" },
        { "ann@acme.example", ["agents read"], AccessDiagnosticCodes.InvalidApiKeyRequest, "'agents read'" },
    };

    [Theory]
    [MemberData(nameof(RefusedScopes))]
    public async Task A_creator_can_only_grant_scopes_they_hold_and_the_error_names_the_scope(string creator, string[] scopes, string code, string named)
    {
        var before = await StoreDump.CaptureAsync(_world.Store);

        var refused = await Assert.ThrowsAsync<AccessException>(() => _world.Keys().CreateApiKeyAsync("acme", _world.PrincipalAsync(creator).Result, "k", scopes));

        var problem = Assert.Single(refused.Diagnostics);
        Assert.Equal(code, problem.Code);
        Assert.Contains(named, problem.Message, StringComparison.Ordinal);
        Assert.Equal(before, await StoreDump.CaptureAsync(_world.Store));
    }

    [Fact]
    public async Task Owners_may_grant_completions_they_hold_on_an_enabled_provider()
    {
        var created = await _world.Keys().CreateApiKeyAsync("acme", await _world.PrincipalAsync("bob@acme.example"), "chat", ["completions:create", "messages:*"]);

        Assert.Equal(["completions:create", "messages:*"], created.Key.Scopes.ToArray());
    }

    [Fact]
    public async Task An_expiry_in_the_past_and_a_blank_name_are_both_reported()
    {
        var refused = await Assert.ThrowsAsync<AccessException>(async () =>
            await _world.Keys().CreateApiKeyAsync("acme", await _world.PrincipalAsync("ann@acme.example"), " ", ["agents:read"], _world.Clock.GetUtcNow().AddSeconds(-1)));

        Assert.Equal([AccessDiagnosticCodes.InvalidApiKeyRequest, AccessDiagnosticCodes.InvalidExpiry], refused.Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public async Task A_key_may_act_for_a_member_and_for_someone_else_only_with_users_write()
    {
        var keys = _world.Keys();
        var bob = await _world.UserAsync("bob@acme.example");
        var dave = await _world.UserAsync("dave@example.com");

        var own = await keys.CreateApiKeyAsync("acme", Access(bob.Id), "mine", ["agents:read"], actAsUser: bob.Id);
        var forBob = await keys.CreateApiKeyAsync("acme", await _world.PrincipalAsync("adam@acme.example"), "for bob", ["agents:read"], actAsUser: bob.Id);
        var byBob = await Assert.ThrowsAsync<AccessException>(async () =>
            await keys.CreateApiKeyAsync("acme", Access(bob.Id), "for ann", ["agents:read"], actAsUser: (await _world.UserAsync("ann@acme.example")).Id));
        var forDave = await Assert.ThrowsAsync<AccessException>(() => keys.CreateApiKeyAsync("acme", _world.PrincipalAsync("ann@acme.example").Result, "dave", ["agents:read"], actAsUser: dave.Id));

        Assert.Equal(bob.Id, own.Key.ActAsUserId);
        Assert.Equal(bob.Id, forBob.Key.ActAsUserId);
        Assert.Equal(AccessDiagnosticCodes.ActAsUserNotAllowed, byBob.Code);
        Assert.Contains("users:write", byBob.Message, StringComparison.Ordinal);
        Assert.Equal(AccessDiagnosticCodes.ActAsUserNotAllowed, forDave.Code);
        Assert.Contains("not a member", forDave.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoking_and_rotating_name_an_unknown_or_foreign_key_as_unknown()
    {
        var created = await _world.Keys().CreateApiKeyAsync("acme", await _world.PrincipalAsync("ann@acme.example"), "ci", ["agents:read"]);

        var foreign = await Assert.ThrowsAsync<AccessException>(() => _world.Keys().RevokeApiKeyAsync("beta", created.Key.Id.ToString()));
        var garbage = await Assert.ThrowsAsync<AccessException>(() => _world.Keys().RotateApiKeyAsync("acme", "not-an-id"));

        Assert.Equal((AccessDiagnosticCodes.UnknownApiKey, AccessDiagnosticCodes.UnknownApiKey), (foreign.Code, garbage.Code));
        Assert.Null((await _world.Store.GetApiKeyAsync(created.Key.Id))!.RevokedAt);
    }

    private static Authorization.Principal Access(Guid user) => Authorization.Principal.ForUser(user);

    [GeneratedRegex("^cfgr_(?<prefix>[a-z2-7]{12})_(?<secret>[a-z2-7]{52})$")]
    private static partial Regex KeyFormat();
}
