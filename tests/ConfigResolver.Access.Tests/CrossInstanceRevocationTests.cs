using ConfigResolver.Access.Tests.Support;
using ConfigResolver.Sqlite;

namespace ConfigResolver.Access.Tests;

/// <summary>
/// Two processes' worth of stores on one SQLite file, on the real clock: a key revoked or rotated through one instance is
/// refused by the other's authenticator (and its token verifier) once the change log poll brings the change over.
/// </summary>
public sealed class CrossInstanceRevocationTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cfgr-access-tests-").FullName;
    private SqliteTenantStore _writer = null!;
    private SqliteTenantStore _follower = null!;
    private AccessWorld _world = null!;

    public async Task InitializeAsync()
    {
        var path = Path.Combine(_folder, "tenancy.db");
        _writer = await SqliteTenantStore.OpenAsync(path, new ResolverOptions { ChangePollInterval = TimeSpan.FromMilliseconds(20) });
        _follower = await SqliteTenantStore.OpenAsync(path, new ResolverOptions { ChangePollInterval = TimeSpan.FromMilliseconds(20) });
        _world = await AccessWorld.CreateAsync(_writer, clock: null);
    }

    public async Task DisposeAsync()
    {
        await _world.DisposeAsync();
        await _follower.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_key_revoked_on_one_instance_is_refused_on_the_other_and_so_are_its_tokens()
    {
        var options = new AccessOptions { TimeProvider = TimeProvider.System };
        options.TokenSigningKeys.Add(_world.Options.TokenSigningKeys[0]);
        var created = await _world.Keys().CreateApiKeyAsync("acme", await _world.PrincipalAsync("ann@acme.example"), "ci", ["agents:read"]);
        await using var follower = new ApiKeyAuthenticator(_follower, options);
        var tokens = new AccessTokenService(follower, options);
        await follower.AuthenticateAsync(created.Secret.Reveal());
        var token = (await tokens.IssueTokenAsync(created.Secret.Reveal(), null, TimeSpan.FromHours(1))).Token.Reveal();

        await _world.Keys().RevokeApiKeyAsync("acme", created.Key.Id.ToString());
        await WaitUntilAsync(() => _follower.PublishedRevision == _writer.PublishedRevision);

        Assert.Equal(AccessDiagnosticCodes.ApiKeyRevoked, (await Assert.ThrowsAsync<AccessException>(async () => await follower.AuthenticateAsync(created.Secret.Reveal()))).Code);
        Assert.Equal(AccessDiagnosticCodes.TokenKeyRevoked, Assert.Throws<AccessException>(() => tokens.VerifyToken(token)).Code);
    }

    [Fact]
    public async Task A_rotation_on_one_instance_stops_the_old_secret_on_the_other()
    {
        var created = await _world.Keys().CreateApiKeyAsync("acme", await _world.PrincipalAsync("ann@acme.example"), "ci", ["agents:read"]);
        await using var follower = new ApiKeyAuthenticator(_follower, new AccessOptions { TimeProvider = TimeProvider.System });
        await follower.AuthenticateAsync(created.Secret.Reveal());

        var rotated = await _world.Keys().RotateApiKeyAsync("acme", created.Key.Id.ToString());
        await WaitUntilAsync(() => _follower.PublishedRevision == _writer.PublishedRevision);

        Assert.Equal(AccessDiagnosticCodes.InvalidApiKey, (await Assert.ThrowsAsync<AccessException>(async () => await follower.AuthenticateAsync(created.Secret.Reveal()))).Code);
        Assert.Equal(created.Key.Id.ToString("D"), (await follower.AuthenticateAsync(rotated.Secret.Reveal())).ApiKeyId);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "the follower did not catch up within 10 s");
    }
}
