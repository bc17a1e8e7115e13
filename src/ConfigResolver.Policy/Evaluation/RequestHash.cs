using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace ConfigResolver.Policy.Evaluation;

/// <summary>
/// A fast, seeded hash of request strings for the decision cache and the rule index. Each string is hashed on its
/// own (two overlapping 8-byte reads and one 64x64-bit multiply-fold for strings up to 8 characters, 16-byte steps
/// beyond), so the strings of one request hash in parallel and only the final combining is sequential. The seed is
/// random per process so colliding keys cannot be chosen in advance. Nothing relies on the hash for correctness:
/// every hit is verified against the stored strings.
/// </summary>
internal static class RequestHash
{
    private const ulong P0 = 0xa0761d6478bd642fUL;
    private const ulong P1 = 0xe7037ed1a0b428dbUL;
    private const ulong P2 = 0x8ebc6af09c88c6e3UL;
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

        return h;
    }

    public static ulong Finish(ulong h) => h;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Add(ulong h, string s) => Fold(h ^ P0, Hash(s));

    private static ulong Hash(string s)
    {
        ref var p = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(s.AsSpan()));
        var length = (nuint)s.Length * 2;
        ulong a, b;
        if (length <= 16)
        {
            if (length >= 8)
            {
                a = Read64(ref p, 0);
                b = Read64(ref p, length - 8);
            }
            else if (length >= 4)
            {
                a = Read32(ref p, 0);
                b = Read32(ref p, length - 4);
            }
            else
            {
                a = length == 2 ? Unsafe.ReadUnaligned<ushort>(ref p) : 0UL;
                b = 0;
            }

            return Fold(P1 ^ length, Fold(a ^ P2, b ^ s_seed));
        }

        var state = s_seed;
        nuint i = 0;
        for (; i + 16 < length; i += 16)
        {
            state = Fold(Read64(ref p, i) ^ P1, Read64(ref p, i + 8) ^ state);
        }

        a = Read64(ref p, length - 16);
        b = Read64(ref p, length - 8);
        return Fold(P1 ^ length, Fold(a ^ P2, b ^ state));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Fold(ulong x, ulong y)
    {
        var high = Math.BigMul(x, y, out var low);
        return high ^ low;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Read64(ref byte p, nuint offset) => Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref p, offset));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Read32(ref byte p, nuint offset) => Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref p, offset));
}
