using ConfigResolver.Access.Tests.Support;
using ConfigResolver.Configuration;

namespace ConfigResolver.Access.Tests;

[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "Disposed by IAsyncLifetime.DisposeAsync.")]
public sealed class ApiKeyAuthenticatorTests : IAsyncLifetime
{
    private AccessWorld _world = null!;
    private CountingStore _counting = null!;
    private ApiKeyAuthenticator _authenticator = null!;

    public async Task InitializeAsync()
    {
        _world = await AccessWorld.CreateAsync();
        _counting = new CountingStore(_world.Store);
        _authenticator = new ApiKeyAuthenticator(_counting, _world.Options);
    }

    public async Task DisposeAsync()
    {
        await _authenticator.DisposeAsync();
        await _world.DisposeAsync();
    }

    [Fact]
    public async Task A_key_authenticates_to_its_principal_with_one_store_read_then_from_the_cache()
    {
        var created = await CreateAsync(["agents:read", "tools:*"]);

        var first = await _authenticator.AuthenticateAsync(created.Secret.Reveal());
        for (var i = 0; i < 100; i++)
        {
            Assert.Same(first, await _authenticator.AuthenticateAsync(created.Secret.Reveal()));
        }

        Assert.Equal(1, _counting.PrefixReads);
        Assert.Equal((created.Key.Id.ToString("D"), "acme", (Guid?)null), (first.ApiKeyId, first.ApiKeyOrganization, first.UserId));
        Assert.Equal(["agents:read", "tools:*"], first.Scopes.ToArray());
    }

    [Fact]
    public async Task A_cached_authentication_allocates_nothing()
    {
        var secret = (await CreateAsync(["agents:read"])).Secret.Reveal();
        for (var i = 0; i < 10_000; i++)
        {
            // Warm up, so the JIT's tiering (which allocates) is done before the measurement.
            _ = await _authenticator.AuthenticateAsync(secret);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            _ = await _authenticator.AuthenticateAsync(secret);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public async Task The_principal_authorizes_exactly_the_keys_scopes_and_only_in_its_organization()
    {
        var principal = await _authenticator.AuthenticateAsync((await CreateAsync(["agents:read"])).Secret.Reveal());
        var snapshot = _world.Authorization.Current;

        Assert.True(snapshot.Check(principal, "acme", "agents:read").Allowed);
        Assert.False(snapshot.Check(principal, "acme", "agents:write").Allowed);
        Assert.False(snapshot.Check(principal, "beta", "agents:read").Allowed);
    }

    public static TheoryData<string, string> NotKeys => new()
    {
        { "right prefix, wrong secret", "wrong" },
        { "unknown prefix", "prefix" },
        { "malformed", "cfgr_short" },
        { "uppercase", "upper" },
        { "empty", string.Empty },
    };

    [Theory]
    [MemberData(nameof(NotKeys))]
    public async Task Anything_but_a_valid_key_is_refused_with_one_code_that_says_nothing_more(string situation, string variant)
    {
        var real = (await CreateAsync(["agents:read"])).Secret.Reveal();
        var presented = variant switch
        {
            "wrong" => real[..^4] + (real.EndsWith("aaaa", StringComparison.Ordinal) ? "bbbb" : "aaaa"),
            "prefix" => "cfgr_" + new string('a', 12) + real[17..],
            "upper" => real.ToUpperInvariant(),
            _ => variant,
        };

        var refused = await Assert.ThrowsAsync<AccessException>(async () => await _authenticator.AuthenticateAsync(presented));

        Assert.Equal(AccessDiagnosticCodes.InvalidApiKey, refused.Code);
        Assert.Equal($"api key: error ACC5001: expected a valid API key 'cfgr_<prefix>_<secret>'; found {AccessDiagnostics.Describe(presented.Length)}.", refused.Message);
        Assert.DoesNotContain(real[18..], refused.ToString(), StringComparison.Ordinal);
        Assert.True(situation.Length > 0);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_from_the_next_authentication_on()
    {
        var created = await CreateAsync(["agents:read"]);
        await _authenticator.AuthenticateAsync(created.Secret.Reveal());

        await _world.Keys().RevokeApiKeyAsync("acme", created.Key.Id.ToString());

        var refused = await Assert.ThrowsAsync<AccessException>(async () => await _authenticator.AuthenticateAsync(created.Secret.Reveal()));
        Assert.Equal(AccessDiagnosticCodes.ApiKeyRevoked, refused.Code);
        Assert.True(_authenticator.IsRevoked(created.Key.Id, created.Key.OrganizationId));
    }

    [Fact]
    public async Task An_expired_key_is_refused_even_from_the_cache()
    {
        var created = await CreateAsync(["agents:read"], _world.Clock.GetUtcNow().AddHours(1));
        await _authenticator.AuthenticateAsync(created.Secret.Reveal());

        _world.Clock.Advance(TimeSpan.FromHours(1));

        var refused = await Assert.ThrowsAsync<AccessException>(async () => await _authenticator.AuthenticateAsync(created.Secret.Reveal()));
        Assert.Equal(AccessDiagnosticCodes.ApiKeyExpired, refused.Code);
    }

    [Fact]
    public async Task Rotation_without_grace_stops_the_old_secret_at_once()
    {
        var created = await CreateAsync(["agents:read"]);
        await _authenticator.AuthenticateAsync(created.Secret.Reveal());

        var rotated = await _world.Keys().RotateApiKeyAsync("acme", created.Key.Id.ToString());

        Assert.Equal(created.Key.Prefix, rotated.Key.Prefix);
        Assert.Equal(AccessDiagnosticCodes.InvalidApiKey, (await Assert.ThrowsAsync<AccessException>(async () => await _authenticator.AuthenticateAsync(created.Secret.Reveal()))).Code);
        Assert.Equal(created.Key.Id.ToString("D"), (await _authenticator.AuthenticateAsync(rotated.Secret.Reveal())).ApiKeyId);
    }

    [Fact]
    public async Task During_a_grace_period_both_secrets_work_and_after_it_only_the_new_one()
    {
        var created = await CreateAsync(["agents:read"]);

        var rotated = await _world.Keys().RotateApiKeyAsync("acme", created.Key.Id.ToString(), TimeSpan.FromMinutes(10));
        await _authenticator.AuthenticateAsync(created.Secret.Reveal());
        await _authenticator.AuthenticateAsync(rotated.Secret.Reveal());
        await _authenticator.AuthenticateAsync(created.Secret.Reveal());
        _world.Clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(AccessDiagnosticCodes.InvalidApiKey, (await Assert.ThrowsAsync<AccessException>(async () => await _authenticator.AuthenticateAsync(created.Secret.Reveal()))).Code);
        await _authenticator.AuthenticateAsync(rotated.Secret.Reveal());

        // One read per secret first seen, one for the refused old secret; the rest came from the cache.
        Assert.Equal(3, _counting.PrefixReads);
    }

    [Fact]
    public async Task Last_used_times_are_written_in_one_batch_per_interval_never_per_request()
    {
        var created = await CreateAsync(["agents:read"]);
        for (var i = 0; i < 50; i++)
        {
            await _authenticator.AuthenticateAsync(created.Secret.Reveal());
            _world.Clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        var lastUse = _world.Clock.GetUtcNow().AddMilliseconds(-100);
        Assert.Equal(0, _counting.UsageWrites);

        _world.Clock.Advance(AccessOptions.DefaultUsageFlushInterval);
        await WaitUntilAsync(() => _counting.UsageWrites == 1);

        Assert.Equal(lastUse, Assert.Single(_counting.Usage).LastUsedAt);
        Assert.Equal(lastUse, (await _world.Store.GetApiKeyAsync(created.Key.Id))!.LastUsedAt);
        _world.Clock.Advance(AccessOptions.DefaultUsageFlushInterval);
        await _authenticator.FlushUsageAsync();
        Assert.Equal(1, _counting.UsageWrites);
    }

    [Fact]
    public async Task With_a_pepper_the_stored_hash_is_keyed_and_another_pepper_refuses_the_key()
    {
        await using var peppered = await AccessWorld.CreateAsync(configure: o => o.SecretPepper = new Secret("pepper-one"));
        var created = await peppered.Keys().CreateApiKeyAsync("acme", await peppered.PrincipalAsync("ann@acme.example"), "ci", ["agents:read"]);
        var secretPart = created.Secret.Reveal()[18..];
        await using var right = new ApiKeyAuthenticator(peppered.Store, peppered.Options);
        await using var wrong = new ApiKeyAuthenticator(peppered.Store, new AccessOptions { TimeProvider = peppered.Clock, SecretPepper = new Secret("pepper-two") });

        await right.AuthenticateAsync(created.Secret.Reveal());

        Assert.NotEqual(Testing.AccessFactory.Hash(secretPart), created.Key.SecretHash);
        Assert.Equal(AccessDiagnosticCodes.InvalidApiKey, (await Assert.ThrowsAsync<AccessException>(async () => await wrong.AuthenticateAsync(created.Secret.Reveal()))).Code);
    }

    private async Task<CreatedApiKey> CreateAsync(string[] scopes, DateTimeOffset? expires = null) =>
        await _world.Keys().CreateApiKeyAsync("acme", await _world.PrincipalAsync("ann@acme.example"), "test key", scopes, expires);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
