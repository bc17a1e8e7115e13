using System.Numerics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace ConfigResolver.Policy.Evaluation;

/// <summary>
/// A fast, seeded hash of request strings for the decision cache and the rule index. The seed is random per
/// process so that colliding keys cannot be chosen in advance. Nothing relies on it for correctness: every hit is
/// verified against the stored strings.
/// </summary>
internal static class RequestHash
{
    private const ulong Multiplier = 0x9E3779B97F4A7C15UL;
    private static readonly ulong s_seed = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));

    public static ulong Start => s_seed;

    public static ulong Of(string a, string? b, string? c, string? d)
    {
        var h = Add(s_seed, a);
        if (b is not null)
        {
            h = Add(h, b);
            if (c is not null)
            {
                h = Add(h, c);
                if (d is not null)
                {
                    h = Add(h, d);
                }
            }
        }

        return Finish(h);
    }

    public static ulong Finish(ulong h) => h ^ (h >> 29);

    public static ulong Add(ulong h, string s)
    {
        var bytes = MemoryMarshal.AsBytes(s.AsSpan());
        h = (h ^ (ulong)bytes.Length) * Multiplier;
        while (bytes.Length >= 8)
        {
            h = BitOperations.RotateLeft((h ^ MemoryMarshal.Read<ulong>(bytes)) * Multiplier, 27);
            bytes = bytes[8..];
        }

        ulong tail = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            tail |= (ulong)bytes[i] << (8 * i);
        }

        return BitOperations.RotateLeft((h ^ tail) * Multiplier, 31);
    }
}
