using System.Security.Cryptography;
using System.Text;

namespace ConfigResolver.Auditing;

/// <summary>
/// How the audit log shows a secret: <c>sha256:</c> and the first 8 hex characters of its hash, so a rotation is visible
/// (the fingerprint changes) without the value. 32 bits of a hash identify a value among a few; they do not reveal it.
/// </summary>
public static class SecretFingerprint
{
    /// <summary>The prefix of every fingerprint.</summary>
    public const string Prefix = "sha256:";

    /// <summary>Fingerprints a plaintext secret (UTF-8, SHA-256).</summary>
    /// <param name="secret">The secret.</param>
    /// <returns>For example <c>sha256:1a2b3c4d</c>.</returns>
    public static string Of(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(secret), hash);
        return Prefix + Convert.ToHexStringLower(hash[..4]);
    }

    /// <summary>Fingerprints a secret a store keeps only as a hash (hex): the first 8 hex characters of that hash.</summary>
    /// <param name="hashHex">The stored hash, at least 8 hex characters.</param>
    /// <returns>For example <c>sha256:1a2b3c4d</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="hashHex"/> is shorter than 8 characters.</exception>
    public static string OfHash(string hashHex)
    {
        ArgumentNullException.ThrowIfNull(hashHex);
        if (hashHex.Length < 8)
        {
            throw new ArgumentException("A hash has at least 8 hex characters.", nameof(hashHex));
        }

        return Prefix + hashHex[..8].ToLowerInvariant();
    }
}
