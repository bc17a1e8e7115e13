using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using ConfigResolver.Authorization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConfigResolver.Access;

/// <summary>
/// Issues and verifies short-lived access tokens (at most 24 hours): self-contained, HMAC-SHA256 signed with a key from
/// <see cref="AccessOptions.TokenSigningKeys"/> named by its id in the token, so verification needs no store read and
/// signing keys can be rotated. A token carries at most its API key's scopes, stops at its expiry (never later than the
/// key's), and is refused once its key is revoked or its organization deleted (known through the authenticator's feed).
/// </summary>
/// <remarks>
/// Format: <c>cfgrt_&lt;kid&gt;.&lt;payload&gt;.&lt;signature&gt;</c>, base64url without padding; the signature covers
/// everything before the second dot. Safe for concurrent use. A token survives a rotation of its key's secret (it is bound
/// to the key, not to the secret); revoke the key to stop it. Each thread keeps its own keyed HMAC state per signing key
/// (creating one costs more than using it), and decoded payloads are remembered (the signature is still checked on every
/// call); dispose the service to release them.
/// </remarks>
public sealed partial class AccessTokenService : IDisposable
{
    /// <summary>The longest token text accepted before any work is done.</summary>
    public const int MaxTokenLength = 4096;

    private const string Scheme = "cfgrt_";
    private const int MaxRememberedPayloads = 10_000;

    private readonly ApiKeyAuthenticator _keys;
    private readonly AccessOptions _options;
    private readonly TokenSigningKey[] _signingKeys;
    private readonly ILogger _logger;
    private readonly ThreadLocal<IncrementalHash?[]> _hmacs;
    private readonly ConcurrentDictionary<string, (TokenPayload Payload, Principal Principal)> _payloads = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (TokenPayload Payload, Principal Principal)>.AlternateLookup<ReadOnlySpan<char>> _payloadsByText;
    private int _disposed;

    /// <summary>Creates the service.</summary>
    /// <param name="keys">Authenticates the API keys tokens are issued from and knows which are revoked.</param>
    /// <param name="options">The signing keys (the first signs) and the clock.</param>
    /// <param name="logger">Logs issued tokens by key id and refusals by code (never a token).</param>
    public AccessTokenService(ApiKeyAuthenticator keys, AccessOptions options, ILogger<AccessTokenService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(options);
        _keys = keys;
        _options = options;
        _signingKeys = [.. options.TokenSigningKeys];
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _hmacs = new(() => new IncrementalHash?[_signingKeys.Length], trackAllValues: true);
        _payloadsByText = _payloads.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Issues a token from an API key.</summary>
    /// <param name="apiKey">The API key text.</param>
    /// <param name="scopes">The token's scopes, each covered by one of the key's; the key's own when null.</param>
    /// <param name="lifetime">How long it lives: more than zero, at most 24 hours.</param>
    /// <param name="cancellationToken">Cancels the key's authentication.</param>
    /// <returns>The token, shown once.</returns>
    /// <exception cref="AccessException">The key is not valid, revoked or expired (ACC5001-ACC5003); a lifetime out of range (ACC5106); a scope the key lacks (ACC5107); no signing key configured (ACC5108).</exception>
    public async Task<IssuedToken> IssueTokenAsync(string apiKey, IEnumerable<string>? scopes, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        if (_signingKeys.Length == 0)
        {
            throw new AccessException(AccessDiagnostics.Token(AccessDiagnosticCodes.TokenSigningNotConfigured, "no token signing key is configured (AccessOptions.TokenSigningKeys, CFGR_TOKEN_SIGNING_KEYS)."));
        }

        if (lifetime <= TimeSpan.Zero || lifetime > AccessOptions.MaxTokenLifetime)
        {
            throw new AccessException(AccessDiagnostics.Token(AccessDiagnosticCodes.InvalidTokenLifetime, $"expected a lifetime of more than zero and at most 24 hours; found {lifetime}."));
        }

        var key = await _keys.AuthenticateKeyAsync(apiKey, cancellationToken).ConfigureAwait(false);
        var granted = scopes is null ? key.Scopes : [.. scopes];
        if (granted.IsEmpty || granted.FirstOrDefault(s => !ScopePatterns.Covers(key.Scopes, s)) is { } missing)
        {
            var shown = granted.IsEmpty ? "no scope" : $"'{granted.First(s => !ScopePatterns.Covers(key.Scopes, s))}'";
            throw new AccessException(AccessDiagnostics.Token(AccessDiagnosticCodes.TokenScopeNotHeld, $"a token carries at least one scope, each covered by its key's scopes ({string.Join(", ", key.Scopes.Select(static s => $"'{s}'"))}); found {shown}."));
        }

        var now = _options.TimeProvider.GetUtcNow();
        var expires = now + lifetime;
        if (key.ExpiresAt is { } keyExpiry && keyExpiry < expires)
        {
            expires = keyExpiry;
        }

        var payload = new TokenPayload(key.Id, key.OrganizationId, key.OrganizationSlug, key.ActAsUserId, now.ToUnixTimeSeconds(), expires.ToUnixTimeSeconds(), granted);
        var signer = _signingKeys[0];
        var signed = Scheme + signer.Id + "." + Base64Url.EncodeToString(payload.Write());
        var signature = new byte[HMACSHA256.HashSizeInBytes];
        Sign(0, Encoding.ASCII.GetBytes(signed), signature);
        var token = signed + "." + Base64Url.EncodeToString(signature);
        LogIssued(_logger, key.Id, signer.Id, expires);
        return new IssuedToken(new Configuration.Secret(token), key.Id, granted, DateTimeOffset.FromUnixTimeSeconds(expires.ToUnixTimeSeconds()));
    }

    /// <summary>Verifies a token without reading the store and returns the principal it acts as.</summary>
    /// <param name="token">The token text.</param>
    /// <returns>The principal: the key's id, organization and user, with the token's scopes.</returns>
    /// <exception cref="AccessException">Malformed (ACC5101), signature not matching (ACC5102: forged or edited), unknown signing key id (ACC5103), expired (ACC5104), or its key revoked (ACC5105).</exception>
    public Principal VerifyToken(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var span = token.AsSpan();
        var firstDot = span.IndexOf('.');
        var secondDot = firstDot < 0 ? -1 : span[(firstDot + 1)..].IndexOf('.') + firstDot + 1;
        if (token.Length > MaxTokenLength || !span.StartsWith(Scheme, StringComparison.Ordinal) || firstDot <= Scheme.Length || secondDot <= firstDot)
        {
            throw Refused(AccessDiagnosticCodes.MalformedToken, $"expected a token 'cfgrt_<kid>.<payload>.<signature>'; found {AccessDiagnostics.Describe(token.Length)}.");
        }

        var signer = FindSigner(span[Scheme.Length..firstDot]);
        if (signer < 0)
        {
            throw Refused(AccessDiagnosticCodes.UnknownSigningKey, "the token was signed with a key id this deployment does not have.");
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Span<byte> presented = stackalloc byte[HMACSHA256.HashSizeInBytes + 3];
        var signedLength = Encoding.ASCII.GetByteCount(span[..secondDot]);
        var signed = signedLength <= 1024 ? stackalloc byte[signedLength] : new byte[signedLength];
        Encoding.ASCII.GetBytes(span[..secondDot], signed);
        Sign(signer, signed, expected);
        if (Base64Url.DecodeFromChars(span[(secondDot + 1)..], presented, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != expected.Length
            || !ConstantTime.Equals(expected, presented[..written]))
        {
            throw Refused(AccessDiagnosticCodes.InvalidTokenSignature, "the token's signature does not match its content.");
        }

        var (payload, principal) = Decode(span[(firstDot + 1)..secondDot]);

        if (_options.TimeProvider.GetUtcNow().ToUnixTimeSeconds() >= payload.ExpiresAt)
        {
            throw Refused(AccessDiagnosticCodes.TokenExpired, $"the token expired at {AccessDiagnostics.Time(DateTimeOffset.FromUnixTimeSeconds(payload.ExpiresAt))}.");
        }

        if (_keys.IsRevoked(payload.KeyId, payload.OrganizationId))
        {
            throw Refused(AccessDiagnosticCodes.TokenKeyRevoked, $"the API key '{payload.KeyId:D}' the token was issued from was revoked.");
        }

        return principal;
    }

    /// <summary>Releases each thread's HMAC state (a second call does nothing).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        foreach (var slots in _hmacs.Values)
        {
            foreach (var hmac in slots)
            {
                hmac?.Dispose();
            }
        }

        _hmacs.Dispose();
    }

    /// <summary>A payload already decoded (its signature was just checked), or decoded now and remembered.</summary>
    private (TokenPayload Payload, Principal Principal) Decode(ReadOnlySpan<char> payloadText)
    {
        if (_payloadsByText.TryGetValue(payloadText, out var known))
        {
            return known;
        }

        var payloadBytes = payloadText.Length <= 1024 ? stackalloc byte[Base64Url.GetMaxDecodedLength(payloadText.Length)] : new byte[Base64Url.GetMaxDecodedLength(payloadText.Length)];
        if (Base64Url.DecodeFromChars(payloadText, payloadBytes, out _, out var payloadLength) != System.Buffers.OperationStatus.Done
            || TokenPayload.Read(payloadBytes[..payloadLength]) is not { } payload)
        {
            throw Refused(AccessDiagnosticCodes.MalformedToken, "the token's payload is not one this version writes.");
        }

        var decoded = (payload, Principal.ForApiKey(payload.KeyId.ToString("D"), payload.Organization, payload.Scopes, payload.UserId));
        if (_payloads.Count >= MaxRememberedPayloads)
        {
            _payloads.Clear();
        }

        _payloads[payloadText.ToString()] = decoded;
        return decoded;
    }

    /// <summary>HMAC-SHA256 with a signing key, through this thread's keyed state for it.</summary>
    private void Sign(int keyIndex, ReadOnlySpan<byte> data, Span<byte> destination)
    {
        var slots = _hmacs.Value!;
        var hmac = slots[keyIndex] ??= IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _signingKeys[keyIndex].Key);
        hmac.AppendData(data);
        hmac.GetHashAndReset(destination);
    }

    private int FindSigner(ReadOnlySpan<char> kid)
    {
        for (var i = 0; i < _signingKeys.Length; i++)
        {
            if (kid.SequenceEqual(_signingKeys[i].Id))
            {
                return i;
            }
        }

        return -1;
    }

    private AccessException Refused(string code, string message)
    {
        LogRefused(_logger, code);
        return new(AccessDiagnostics.Token(code, message));
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Access token issued from API key {KeyId}, signed with '{Kid}', expiring {ExpiresAt}.")]
    private static partial void LogIssued(ILogger logger, Guid keyId, string kid, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Access token refused ({Code}).")]
    private static partial void LogRefused(ILogger logger, string code);
}
