using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Text;

namespace ConfigResolver.Access;

/// <summary>
/// What an access token carries, in a compact binary form (version 1): key id, organization id and slug, the user the
/// key acts for, issue and expiry times (Unix seconds), and the scopes. Parsed only after the signature checked out.
/// </summary>
internal sealed record TokenPayload(Guid KeyId, Guid OrganizationId, string Organization, Guid? UserId, long IssuedAt, long ExpiresAt, ImmutableArray<string> Scopes)
{
    private const byte Version = 1;

    public byte[] Write()
    {
        var buffer = new List<byte>(128) { Version };
        buffer.AddRange(KeyId.ToByteArray());
        buffer.AddRange(OrganizationId.ToByteArray());
        buffer.Add(UserId is null ? (byte)0 : (byte)1);
        if (UserId is { } user)
        {
            buffer.AddRange(user.ToByteArray());
        }

        Span<byte> time = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(time, IssuedAt);
        buffer.AddRange(time.ToArray());
        BinaryPrimitives.WriteInt64BigEndian(time, ExpiresAt);
        buffer.AddRange(time.ToArray());
        AddText(buffer, Organization);
        buffer.Add(checked((byte)Scopes.Length));
        foreach (var scope in Scopes)
        {
            AddText(buffer, scope);
        }

        return [.. buffer];
    }

    /// <summary>Reads a payload; null when it is not a version-1 payload of the right shape.</summary>
    public static TokenPayload? Read(ReadOnlySpan<byte> data)
    {
        if (data.Length < 1 + 32 + 1 + 16 + 2 || data[0] != Version)
        {
            return null;
        }

        var keyId = new Guid(data.Slice(1, 16));
        var organizationId = new Guid(data.Slice(17, 16));
        var at = 33;
        Guid? userId = null;
        if (data[at++] == 1)
        {
            if (data.Length < at + 16)
            {
                return null;
            }

            userId = new Guid(data.Slice(at, 16));
            at += 16;
        }

        if (data.Length < at + 16)
        {
            return null;
        }

        var issued = BinaryPrimitives.ReadInt64BigEndian(data[at..]);
        var expires = BinaryPrimitives.ReadInt64BigEndian(data[(at + 8)..]);
        at += 16;
        if (ReadText(data, ref at) is not { } organization || at >= data.Length)
        {
            return null;
        }

        var count = data[at++];
        var scopes = ImmutableArray.CreateBuilder<string>(count);
        for (var i = 0; i < count; i++)
        {
            if (ReadText(data, ref at) is not { } scope)
            {
                return null;
            }

            scopes.Add(scope);
        }

        return at == data.Length ? new TokenPayload(keyId, organizationId, organization, userId, issued, expires, scopes.MoveToImmutable()) : null;
    }

    private static void AddText(List<byte> buffer, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        buffer.Add(checked((byte)bytes.Length));
        buffer.AddRange(bytes);
    }

    private static string? ReadText(ReadOnlySpan<byte> data, ref int at)
    {
        if (at >= data.Length || at + 1 + data[at] > data.Length)
        {
            return null;
        }

        var length = data[at];
        var text = Encoding.UTF8.GetString(data.Slice(at + 1, length));
        at += 1 + length;
        return text;
    }
}
