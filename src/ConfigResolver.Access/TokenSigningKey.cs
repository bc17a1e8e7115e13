namespace ConfigResolver.Access;

/// <summary>
/// A key that signs access tokens (HMAC-SHA256), named by an id carried in every token so keys can be rotated: sign with
/// a new key, keep the old one for verification until the tokens it signed have expired (at most 24 hours), then drop it.
/// </summary>
/// <remarks>Immutable. <see cref="ToString"/> never shows the key material.</remarks>
public sealed class TokenSigningKey
{
    /// <summary>The fewest bytes a signing key has (256 bits, HMAC-SHA256's block-size guidance).</summary>
    public const int MinimumLength = 32;

    private readonly byte[] _key;

    /// <summary>Creates a signing key.</summary>
    /// <param name="id">The key id: 1 to 32 letters, digits or hyphens.</param>
    /// <param name="key">The key material, at least <see cref="MinimumLength"/> bytes (copied).</param>
    /// <exception cref="ArgumentException">The id is malformed or the key is too short.</exception>
    public TokenSigningKey(string id, ReadOnlySpan<byte> key)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id.Length is < 1 or > 32 || !id.All(static c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw new ArgumentException("A signing key id is 1 to 32 letters, digits or hyphens.", nameof(id));
        }

        if (key.Length < MinimumLength)
        {
            throw new ArgumentException($"A signing key has at least {MinimumLength} bytes; found {key.Length}.", nameof(key));
        }

        Id = id;
        _key = key.ToArray();
    }

    /// <summary>Gets the key id tokens carry.</summary>
    public string Id { get; }

    internal ReadOnlySpan<byte> Key => _key;

    /// <summary>Reads a key written as base64 (what configuration holds).</summary>
    /// <param name="id">The key id.</param>
    /// <param name="base64">The key material in base64.</param>
    /// <returns>The key.</returns>
    /// <exception cref="FormatException">The text is not base64.</exception>
    /// <exception cref="ArgumentException">The id is malformed or the key is too short.</exception>
    public static TokenSigningKey FromBase64(string id, string base64)
    {
        ArgumentNullException.ThrowIfNull(base64);
        return new TokenSigningKey(id, Convert.FromBase64String(base64));
    }

    /// <summary>Shows the id only.</summary>
    /// <returns>For example <c>signing key '2026-01'</c>.</returns>
    public override string ToString() => $"signing key '{Id}'";
}
