using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ConfigResolver.Access;
using ConfigResolver.Authorization;
using ConfigResolver.Resolution;
using ConfigResolver.Storage;
using ConfigResolver.TestData;
using Microsoft.Extensions.Configuration;

namespace ConfigResolver.Benchmarks.Access;

/// <summary>
/// Access-token verification (HMAC-SHA256 over the token, payload decoded, expiry and revocation checked, principal
/// built), against the HMAC alone; and <c>Check</c> through an API-key principal on a cached snapshot (the shipped
/// policies), against <c>Check</c> through the user the key acts for.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class TokenAndCheckBenchmarks
{
    /// <summary>The organizations of the world (one member and one key acting for them each).</summary>
    public const int Organizations = AccessWorld.Organizations;

    private const int Mask = 511;

    private readonly byte[] _signingKey = [.. Enumerable.Range(1, 32).Select(static i => (byte)i)];
    private string[] _tokens = [];
    private byte[][] _signedParts = [];
    private (Principal Key, Principal User, string Org)[] _principals = [];
    private AccessTokenService _service = null!;
    private ApiKeyAuthenticator _keys = null!;
    private AuthorizationSnapshot _snapshot = null!;
    private int _next;

    [GlobalSetup]
    public void GlobalSetup()
    {
        var options = new AccessOptions();
        options.TokenSigningKeys.Add(new TokenSigningKey("bench", _signingKey));
        var store = new InMemoryTenantStore();
        var world = AccessWorld.SeedAsync(store, options).GetAwaiter().GetResult();
        _keys = new ApiKeyAuthenticator(store, options);
        _service = new AccessTokenService(_keys, options);
        _tokens = [.. world.Keys.Select(k => _service.IssueTokenAsync(k.Secret, null, TimeSpan.FromHours(12)).GetAwaiter().GetResult().Token.Reveal())];
        _signedParts = [.. _tokens.Select(static t => Encoding.ASCII.GetBytes(t[..t.LastIndexOf('.')]))];

        using var resolver = new TenantConfigResolver(store, new ConfigurationBuilder().Build());
        var policy = PolicyLoader.LoadDirectory(Path.Combine(TestDataFiles.RepositoryRoot, "policies"));
        _snapshot = AuthorizationSnapshot.Create(policy, TenantFacts.LoadAsync(store, resolver).GetAwaiter().GetResult(), new AuthorizationOptions { EnableDecisionCache = true });
        _principals = [.. world.Keys.Where(static k => k.Key.ActAsUserId is not null).Select(static k => (AccessWorld.PrincipalOf(k.Key), Principal.ForUser(k.Key.ActAsUserId!.Value), k.Key.OrganizationSlug))];
        foreach (var (key, user, org) in _principals)
        {
            if (!_snapshot.Check(key, org, "agents:write").Allowed || !_snapshot.Check(user, org, "agents:write").Allowed || _snapshot.Check(key, org, "agents:delete").Allowed)
            {
                throw new InvalidOperationException("the key acting for a member must be allowed what the member is, and nothing more");
            }
        }

        for (var i = 0; i < _tokens.Length; i++)
        {
            if (_service.VerifyToken(_tokens[i]).ApiKeyId != world.Keys[i].Key.Id.ToString("D"))
            {
                throw new InvalidOperationException("a token verified to another key");
            }
        }
    }

    [GlobalCleanup]
    public void GlobalCleanup()
    {
        _service.Dispose();
        _keys.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>For the smoke test: how many of the requests a benchmark body allows.</summary>
    public int CountAllowed(Func<bool> check)
    {
        _next = 0;
        var allowed = 0;
        for (var i = 0; i < AccessWorld.Organizations; i++)
        {
            allowed += check() ? 1 : 0;
        }

        return allowed;
    }

    [Benchmark(Baseline = true, Description = "HMAC-SHA256 of the token alone (baseline)")]
    [BenchmarkCategory("token")]
    public byte[] Hmac_only() => HMACSHA256.HashData(_signingKey, _signedParts[_next++ & Mask]);

    [Benchmark(Description = "VerifyToken")]
    [BenchmarkCategory("token")]
    public Principal Verify_token() => _service.VerifyToken(_tokens[_next++ & Mask]);

    [Benchmark(Baseline = true, Description = "Check as the user, cached (baseline)")]
    [BenchmarkCategory("check")]
    public bool Check_user_cached()
    {
        var (_, user, org) = _principals[_next++ & (AccessWorld.Organizations - 1)];
        return _snapshot.Check(user, org, "agents:write").Allowed;
    }

    [Benchmark(Description = "Check as an API key acting for the user, cached")]
    [BenchmarkCategory("check")]
    public bool Check_api_key_cached()
    {
        var (key, _, org) = _principals[_next++ & (AccessWorld.Organizations - 1)];
        return _snapshot.Check(key, org, "agents:write").Allowed;
    }
}
