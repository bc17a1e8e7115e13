using BenchmarkDotNet.Attributes;
using ConfigResolver.Access;
using ConfigResolver.Authorization;
using ConfigResolver.Sqlite;
using ConfigResolver.Storage;

namespace ConfigResolver.Benchmarks.Access;

/// <summary>
/// <c>ApiKeyAuthenticator.AuthenticateAsync</c> over 512 keys: cached (a constant-time compare with the secret verified
/// before, plus the expiry check), against the simplest possible answer (a dictionary from full key text to principal:
/// no constant-time compare, no expiry, no revocation) as the baseline; and the cache miss on SQLite (one indexed read
/// by prefix, one SHA-256, constant-time compares), against the indexed read alone.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class AuthenticateBenchmarks
{
    private const int Mask = 511;

    private readonly Dictionary<string, Principal> _byText = new(StringComparer.Ordinal);
    private (string Secret, ApiKey Key)[] _memoryKeys = [];
    private (string Secret, ApiKey Key)[] _sqliteKeys = [];
    private ApiKeyAuthenticator _memory = null!;
    private ApiKeyAuthenticator _sqlite = null!;
    private SqliteTenantStore _sqliteStore = null!;
    private string _folder = null!;
    private int _next;

    [GlobalSetup]
    public void GlobalSetup()
    {
        var options = new AccessOptions();
        var memoryStore = new InMemoryTenantStore();
        _memoryKeys = [.. AccessWorld.SeedAsync(memoryStore, options).GetAwaiter().GetResult().Keys];
        _memory = new ApiKeyAuthenticator(memoryStore, options);
        foreach (var (secret, _) in _memoryKeys)
        {
            _byText[secret] = _memory.AuthenticateAsync(secret).AsTask().GetAwaiter().GetResult();
        }

        _folder = Directory.CreateTempSubdirectory("cfgr-bench-keys-").FullName;
        _sqliteStore = SqliteTenantStore.OpenAsync(Path.Combine(_folder, "keys.db")).GetAwaiter().GetResult();
        _sqliteKeys = [.. AccessWorld.SeedAsync(_sqliteStore, options).GetAwaiter().GetResult().Keys];
        _sqlite = new ApiKeyAuthenticator(_sqliteStore, options);
    }

    [GlobalCleanup]
    public void GlobalCleanup()
    {
        _memory.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _sqlite.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _sqliteStore.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Benchmark(Baseline = true, Description = "dictionary of key text (baseline)")]
    public Principal Dictionary_of_key_text() => _byText[_memoryKeys[_next++ & Mask].Secret];

    [Benchmark(Description = "AuthenticateAsync, cached")]
    public Principal Authenticate_cached()
    {
        var pending = _memory.AuthenticateAsync(_memoryKeys[_next++ & Mask].Secret);
        return pending.IsCompletedSuccessfully ? pending.Result : throw new InvalidOperationException("the cached path did not complete synchronously");
    }

    [Benchmark(Description = "SQLite: indexed read by prefix alone")]
    public ApiKey? Sqlite_read_by_prefix() => _sqliteStore.FindApiKeyByPrefixAsync(_sqliteKeys[_next++ & Mask].Key.Prefix).AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "SQLite: AuthenticateAsync, cache miss")]
    public Principal Sqlite_authenticate_miss() => _sqlite.MissAsync(_sqliteKeys[_next++ & Mask].Secret, CancellationToken.None).AsTask().GetAwaiter().GetResult().Principal;

    /// <summary>For the smoke test: whether every key, through <paramref name="authenticate"/>, comes back as its own principal.</summary>
    public bool EveryKeyIsItself(Func<Principal> authenticate, bool sqlite)
    {
        _next = 0;
        var keys = sqlite ? _sqliteKeys : _memoryKeys;
        for (var i = 0; i <= Mask; i++)
        {
            if (authenticate().ApiKeyId != keys[i].Key.Id.ToString("D"))
            {
                return false;
            }
        }

        return true;
    }
}
