using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace ConfigResolver.AspNetCore;

/// <summary>
/// Checks <c>Authorization: Bearer &lt;token&gt;</c> in constant time: both sides are hashed with SHA-256 first, so the
/// comparison takes the same time whatever the length or the first differing byte. The token is never logged or echoed.
/// </summary>
internal sealed class BearerToken(string token)
{
    private readonly byte[] _expected = SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public bool Accepts(HttpRequest request)
    {
        var header = request.Headers.Authorization;
        if (header.Count != 1 || header[0] is not { } value || !value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Span<byte> actual = stackalloc byte[32];
        var presented = value.AsSpan(7).Trim();
        var bytes = Encoding.UTF8.GetBytes(presented.ToString());
        SHA256.HashData(bytes, actual);
        return CryptographicOperations.FixedTimeEquals(actual, _expected);
    }
}
