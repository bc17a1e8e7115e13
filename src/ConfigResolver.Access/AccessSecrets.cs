using System.Security.Cryptography;
using System.Text;

namespace ConfigResolver.Access;

/// <summary>
/// The formats and randomness of access secrets. An API key is <c>cfgr_&lt;prefix&gt;_&lt;secret&gt;</c>: a 12-character
/// prefix (60 random bits, the public lookup key) and a 52-character secret (260 random bits), both lowercase base32
/// (<c>a-z2-7</c>), 70 characters in all. An invitation token is <c>cfgr_inv_</c> and 52 base32 characters.
/// </summary>
internal sealed class AccessSecrets(AccessOptions options)
{
    public const string KeyScheme = "cfgr_";
    public const string InvitationScheme = "cfgr_inv_";
    public const int PrefixLength = 12;
    public const int SecretLength = 52;
    public const int KeyLength = 5 + PrefixLength + 1 + SecretLength;
    public const int InvitationTokenLength = 9 + SecretLength;

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    private readonly RandomNumberGenerator? _random = options.Random;
    private readonly byte[]? _pepper = options.SecretPepper is { } pepper ? Encoding.UTF8.GetBytes(pepper.Reveal()) : null;

    /// <summary>Finds the prefix and secret of a presented key without allocating; false for anything not in the format.</summary>
    public static bool TryParseKey(ReadOnlySpan<char> key, out Range prefix, out Range secret)
    {
        prefix = default;
        secret = default;
        if (key.Length != KeyLength || !key.StartsWith(KeyScheme, StringComparison.Ordinal) || key[5 + PrefixLength] != '_'
            || !IsBase32(key.Slice(5, PrefixLength)) || !IsBase32(key[(6 + PrefixLength)..]))
        {
            return false;
        }

        prefix = new Range(5, 5 + PrefixLength);
        secret = new Range(6 + PrefixLength, KeyLength);
        return true;
    }

    /// <summary>
    /// The hot path's cheaper check: the length and the separators only. A key that passes it and whose prefix is cached is
    /// then compared in full with the secret verified before, so a malformed secret can only fail that comparison.
    /// </summary>
    public static bool TryLocateKey(ReadOnlySpan<char> key, out Range prefix, out Range secret)
    {
        var shaped = key.Length == KeyLength && key[5 + PrefixLength] == '_' && key.StartsWith(KeyScheme, StringComparison.Ordinal);
        prefix = shaped ? new Range(5, 5 + PrefixLength) : default;
        secret = shaped ? new Range(6 + PrefixLength, KeyLength) : default;
        return shaped;
    }

    /// <summary>Whether a presented invitation token has the format (checked before it is hashed and looked up).</summary>
    public static bool IsInvitationToken(string token) =>
        token.Length == InvitationTokenLength && token.StartsWith(InvitationScheme, StringComparison.Ordinal) && IsBase32(token.AsSpan(InvitationScheme.Length));

    /// <summary>SHA-256 of an invitation token, 64 lowercase hex (tokens carry 260 random bits, so no pepper is needed).</summary>
    public static string HashToken(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A new key: its prefix, its secret and the full text shown once.</summary>
    public (string Prefix, string Secret, string Key) NewKey(string? prefix = null)
    {
        prefix ??= RandomText(PrefixLength);
        var secret = RandomText(SecretLength);
        return (prefix, secret, KeyScheme + prefix + "_" + secret);
    }

    /// <summary>A new invitation token.</summary>
    public string NewInvitationToken() => InvitationScheme + RandomText(SecretLength);

    /// <summary>A new random id (a version 4 GUID from the configured random source).</summary>
    public Guid NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        Fill(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <summary>The stored hash of a key's secret part: SHA-256, or HMAC-SHA256 with the deployment's pepper.</summary>
    public byte[] HashSecret(ReadOnlySpan<char> secret)
    {
        Span<byte> utf8 = stackalloc byte[SecretLength];
        var length = Encoding.UTF8.GetBytes(secret, utf8);
        return _pepper is null ? SHA256.HashData(utf8[..length]) : HMACSHA256.HashData(_pepper, utf8[..length]);
    }

    /// <summary>Compares a computed hash with a stored hex hash in constant time.</summary>
    public static bool HashEquals(ReadOnlySpan<byte> computed, string? storedHex)
    {
        if (storedHex is null || storedHex.Length != computed.Length * 2)
        {
            return false;
        }

        Span<byte> stored = stackalloc byte[computed.Length];
        return Convert.FromHexString(storedHex, stored, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == computed.Length
            && ConstantTime.Equals(computed, stored);
    }

    private string RandomText(int length)
    {
        Span<byte> bytes = stackalloc byte[length];
        Fill(bytes);
        return string.Create(length, bytes.ToArray(), static (chars, random) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = Alphabet[random[i] & 31];
            }
        });
    }

    private void Fill(Span<byte> bytes)
    {
        if (_random is null)
        {
            RandomNumberGenerator.Fill(bytes);
        }
        else
        {
            _random.GetBytes(bytes);
        }
    }

    private static bool IsBase32(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '2' and <= '7')))
            {
                return false;
            }
        }

        return true;
    }
}

