using System.Buffers.Text;
using ConfigResolver.Access.Tests.Support;

namespace ConfigResolver.Access.Tests;

[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "Disposed by IAsyncLifetime.DisposeAsync.")]
public sealed class AccessTokenServiceTests : IAsyncLifetime
{
    private AccessWorld _world = null!;
    private CountingStore _counting = null!;
    private ApiKeyAuthenticator _keys = null!;
    private AccessTokenService _tokens = null!;
    private CreatedApiKey _key = null!;

    public async Task InitializeAsync()
    {
        _world = await AccessWorld.CreateAsync();
        _counting = new CountingStore(_world.Store);
        _keys = new ApiKeyAuthenticator(_counting, _world.Options);
        _tokens = new AccessTokenService(_keys, _world.Options);
        _key = await _world.Keys().CreateApiKeyAsync("acme", await _world.PrincipalAsync("adam@acme.example"), "svc", ["agents:*", "tools:read"], actAsUser: (await _world.UserAsync("bob@acme.example")).Id);
    }

    public async Task DisposeAsync()
    {
        _tokens.Dispose();
        await _keys.DisposeAsync();
        await _world.DisposeAsync();
    }

    [Fact]
    public async Task A_token_verifies_without_a_store_read_to_the_keys_principal_with_its_scopes()
    {
        var issued = await _tokens.IssueTokenAsync(_key.Secret.Reveal(), ["agents:read"], TimeSpan.FromHours(1));
        var reads = _counting.PrefixReads;

        var principal = _tokens.VerifyToken(issued.Token.Reveal());

        Assert.Equal(reads, _counting.PrefixReads);
        Assert.StartsWith("cfgrt_k2026.", issued.Token.Reveal(), StringComparison.Ordinal);
        Assert.Equal((_key.Key.Id.ToString("D"), "acme", _key.Key.ActAsUserId), (principal.ApiKeyId, principal.ApiKeyOrganization, principal.UserId));
        Assert.Equal(["agents:read"], principal.Scopes.ToArray());
        Assert.Equal(_world.Clock.GetUtcNow().AddHours(1), issued.ExpiresAt);
        Assert.True(_world.Authorization.Current.Check(principal, "acme", "agents:read").Allowed);
        Assert.False(_world.Authorization.Current.Check(principal, "acme", "agents:write").Allowed);
    }

    public static TheoryData<string[], double, string> RefusedIssues => new()
    {
        { ["agents:read"], 24.01, AccessDiagnosticCodes.InvalidTokenLifetime },
        { ["agents:read"], 0, AccessDiagnosticCodes.InvalidTokenLifetime },
        { ["tools:write"], 1, AccessDiagnosticCodes.TokenScopeNotHeld },
        { ["*:*"], 1, AccessDiagnosticCodes.TokenScopeNotHeld },
        { [], 1, AccessDiagnosticCodes.TokenScopeNotHeld },
    };

    [Theory]
    [MemberData(nameof(RefusedIssues))]
    public async Task A_token_lives_at_most_24_hours_and_carries_only_scopes_its_key_has(string[] scopes, double hours, string code)
    {
        var refused = await Assert.ThrowsAsync<AccessException>(() => _tokens.IssueTokenAsync(_key.Secret.Reveal(), scopes, TimeSpan.FromHours(hours)));

        Assert.Equal(code, refused.Code);
    }

    public static TheoryData<string, string> Tampering => new()
    {
        { "signature changed", AccessDiagnosticCodes.InvalidTokenSignature },
        { "payload edited", AccessDiagnosticCodes.InvalidTokenSignature },
        { "relabelled with the other key id", AccessDiagnosticCodes.InvalidTokenSignature },
        { "relabelled with an unknown key id", AccessDiagnosticCodes.UnknownSigningKey },
        { "truncated", AccessDiagnosticCodes.InvalidTokenSignature },
        { "not a token", AccessDiagnosticCodes.MalformedToken },
    };

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task A_forged_or_edited_token_is_refused(string tampering, string code)
    {
        var token = (await _tokens.IssueTokenAsync(_key.Secret.Reveal(), ["agents:read"], TimeSpan.FromHours(1))).Token.Reveal();
        var parts = token.Split('.');
        var forged = tampering switch
        {
            "signature changed" => parts[0] + "." + parts[1] + "." + Flip(parts[2]),
            "payload edited" => parts[0] + "." + EditPayload(parts[1]) + "." + parts[2],
            "relabelled with the other key id" => "cfgrt_k2025." + parts[1] + "." + parts[2],
            "relabelled with an unknown key id" => "cfgrt_k1999." + parts[1] + "." + parts[2],
            "truncated" => token[..^5],
            _ => "Bearer " + token,
        };

        var refused = Assert.Throws<AccessException>(() => _tokens.VerifyToken(forged));

        Assert.Equal(code, refused.Code);
        Assert.DoesNotContain(parts[2], refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_is_refused_after_its_expiry_which_never_passes_its_keys()
    {
        var expiring = await _world.Keys().CreateApiKeyAsync("acme", await _world.PrincipalAsync("ann@acme.example"), "short", ["agents:read"], _world.Clock.GetUtcNow().AddMinutes(30));
        var issued = await _tokens.IssueTokenAsync(expiring.Secret.Reveal(), null, TimeSpan.FromHours(2));

        _world.Clock.Advance(TimeSpan.FromMinutes(29));
        _tokens.VerifyToken(issued.Token.Reveal());
        _world.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(_world.Clock.GetUtcNow(), issued.ExpiresAt);
        Assert.Equal(AccessDiagnosticCodes.TokenExpired, Assert.Throws<AccessException>(() => _tokens.VerifyToken(issued.Token.Reveal())).Code);
    }

    [Fact]
    public async Task A_token_is_refused_once_its_key_is_revoked_here_and_on_an_instance_started_afterwards()
    {
        var issued = await _tokens.IssueTokenAsync(_key.Secret.Reveal(), null, TimeSpan.FromHours(1));

        await _world.Keys().RevokeApiKeyAsync("acme", _key.Key.Id.ToString());
        await using var restarted = new ApiKeyAuthenticator(_world.Store, _world.Options);
        await restarted.LoadRevocationsAsync();
        var fresh = new AccessTokenService(restarted, _world.Options);

        Assert.Equal(AccessDiagnosticCodes.TokenKeyRevoked, Assert.Throws<AccessException>(() => _tokens.VerifyToken(issued.Token.Reveal())).Code);
        Assert.Equal(AccessDiagnosticCodes.TokenKeyRevoked, Assert.Throws<AccessException>(() => fresh.VerifyToken(issued.Token.Reveal())).Code);
    }

    [Fact]
    public async Task A_token_dies_with_its_organization()
    {
        var issued = await _tokens.IssueTokenAsync(_key.Secret.Reveal(), null, TimeSpan.FromHours(1));

        await new Tenancy.TenantAdministration(_world.Store, _world.Clock).DeleteOrganizationAsync("acme");

        Assert.Equal(AccessDiagnosticCodes.TokenKeyRevoked, Assert.Throws<AccessException>(() => _tokens.VerifyToken(issued.Token.Reveal())).Code);
    }

    [Fact]
    public async Task Signing_keys_rotate_by_id_old_tokens_verify_until_their_key_is_dropped()
    {
        var old = new AccessOptions { TimeProvider = _world.Clock };
        old.TokenSigningKeys.Add(_world.Options.TokenSigningKeys[1]);
        var issuedWithOld = await new AccessTokenService(_keys, old).IssueTokenAsync(_key.Secret.Reveal(), null, TimeSpan.FromHours(1));
        var dropped = new AccessOptions { TimeProvider = _world.Clock };
        dropped.TokenSigningKeys.Add(_world.Options.TokenSigningKeys[0]);

        _tokens.VerifyToken(issuedWithOld.Token.Reveal());

        Assert.StartsWith("cfgrt_k2025.", issuedWithOld.Token.Reveal(), StringComparison.Ordinal);
        Assert.Equal(AccessDiagnosticCodes.UnknownSigningKey, Assert.Throws<AccessException>(() => new AccessTokenService(_keys, dropped).VerifyToken(issuedWithOld.Token.Reveal())).Code);
    }

    [Fact]
    public async Task Without_a_signing_key_no_token_is_issued()
    {
        var none = new AccessTokenService(_keys, new AccessOptions { TimeProvider = _world.Clock });

        Assert.Equal(AccessDiagnosticCodes.TokenSigningNotConfigured, (await Assert.ThrowsAsync<AccessException>(() => none.IssueTokenAsync(_key.Secret.Reveal(), null, TimeSpan.FromHours(1)))).Code);
    }

    private static string Flip(string text) => (text[0] == 'A' ? "B" : "A") + text[1..];

    private static string EditPayload(string payload)
    {
        var bytes = Base64Url.DecodeFromChars(payload);
        bytes[^1] ^= 1;
        return Base64Url.EncodeToString(bytes);
    }
}
