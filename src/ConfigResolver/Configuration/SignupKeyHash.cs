using System.Security.Cryptography;
using System.Text;

namespace ConfigResolver.Configuration;

/// <summary>
/// The SHA-256 hash of a signup key, as 64 lowercase hex characters. Stores index signup keys by this
/// hash, so uniqueness is checked with one lookup and never by scanning plaintext.
/// </summary>
/// <remarks>The hash is not secret. Value semantics; safe to share between threads.</remarks>
public readonly record struct SignupKeyHash
{
    private SignupKeyHash(string hex) => Hex = hex;

    /// <summary>Gets the hash as 64 lowercase hex characters (what stores persist and index).</summary>
    public string Hex { get; }

    /// <summary>Hashes a signup key (UTF-8, SHA-256). Keys are case-sensitive.</summary>
    /// <param name="signupKey">The plaintext key.</param>
    /// <returns>The hash.</returns>
    /// <exception cref="ArgumentException"><paramref name="signupKey"/> is null or empty.</exception>
    public static SignupKeyHash Compute(string signupKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(signupKey);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(signupKey), hash);
        return new SignupKeyHash(Convert.ToHexStringLower(hash));
    }

    /// <summary>Restores a hash a store persisted.</summary>
    /// <param name="hex">64 hex characters.</param>
    /// <returns>The hash.</returns>
    /// <exception cref="FormatException"><paramref name="hex"/> is not 64 hex characters.</exception>
    public static SignupKeyHash FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (hex.Length != SHA256.HashSizeInBytes * 2 || !IsHex(hex))
        {
            throw new FormatException("A signup key hash is 64 hex characters.");
        }

        return new SignupKeyHash(hex.ToLowerInvariant());
    }

    /// <summary>Returns <see cref="Hex"/>.</summary>
    /// <returns>The hex string.</returns>
    public override string ToString() => Hex ?? string.Empty;

    private static bool IsHex(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
