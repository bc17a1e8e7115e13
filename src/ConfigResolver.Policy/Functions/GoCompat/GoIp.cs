namespace ConfigResolver.Policy.Functions.GoCompat;

/// <summary>
/// IP address parsing with the rules of Go's net.ParseIP (which, since Go 1.22, is netip.ParseAddr
/// without a zone): dotted IPv4 with exactly four decimal fields and no leading zeros; IPv6 with at
/// most four hex digits per group, at most one "::", and an optional trailing dotted IPv4. No
/// brackets, scopes, whitespace, or the short IPv4 forms .NET's parser accepts. Addresses are
/// returned in Go's 16-byte form: IPv4 as the IPv4-mapped IPv6 address ::ffff:a.b.c.d.
/// </summary>
internal static class GoIp
{
    private const ulong V4MappedPrefix = 0xFFFF;

    /// <summary>Parses an address; <paramref name="isV4"/> tells whether it was written in dotted IPv4 form.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out UInt128 address, out bool isV4)
    {
        address = default;
        isV4 = false;

        // Go decides by the first '.', ':' or '%' it meets.
        var kind = text.IndexOfAny('.', ':', '%');
        if (kind < 0 || text[kind] == '%')
        {
            return false;
        }

        if (text[kind] == '.')
        {
            isV4 = true;
            if (!TryParseV4(text, out var v4))
            {
                return false;
            }

            address = Mapped(v4);
            return true;
        }

        return text.IndexOf('%') < 0 && TryParseV6(text, out address);
    }

    /// <summary>Whether <paramref name="address"/> is IPv4-mapped (Go's To4 would return 4 bytes).</summary>
    public static bool IsV4Mapped(UInt128 address) => (address >> 32) == V4MappedPrefix;

    public static UInt128 Mapped(uint v4) => ((UInt128)V4MappedPrefix << 32) | v4;

    private static bool TryParseV4(ReadOnlySpan<char> s, out uint value)
    {
        value = 0;
        var fields = 0;
        var field = 0;
        var digits = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c))
            {
                if (digits == 1 && field == 0)
                {
                    return false; // leading zero
                }

                field = (field * 10) + (c - '0');
                digits++;
                if (field > 255)
                {
                    return false;
                }
            }
            else if (c == '.')
            {
                if (i == 0 || i == s.Length - 1 || s[i - 1] == '.' || fields == 3)
                {
                    return false;
                }

                value = (value << 8) | (uint)field;
                fields++;
                field = 0;
                digits = 0;
            }
            else
            {
                return false;
            }
        }

        if (fields < 3)
        {
            return false;
        }

        value = (value << 8) | (uint)field;
        return true;
    }

    private static bool TryParseV6(ReadOnlySpan<char> s, out UInt128 address)
    {
        address = default;
        Span<byte> ip = stackalloc byte[16];
        var ellipsis = -1;
        if (s.Length >= 2 && s[0] == ':' && s[1] == ':')
        {
            ellipsis = 0;
            s = s[2..];
            if (s.IsEmpty)
            {
                return true;
            }
        }

        var i = 0;
        while (i < 16)
        {
            var off = 0;
            var acc = 0;
            for (; off < s.Length; off++)
            {
                var digit = HexDigit(s[off]);
                if (digit < 0)
                {
                    break;
                }

                if (off > 3)
                {
                    return false; // more than four hex digits in a group
                }

                acc = (acc << 4) + digit;
            }

            if (off == 0)
            {
                return false;
            }

            if (off < s.Length && s[off] == '.')
            {
                // A trailing dotted IPv4 fills the last four bytes.
                if ((ellipsis < 0 && i != 12) || i + 4 > 16 || !TryParseV4(s, out var v4))
                {
                    return false;
                }

                ip[i] = (byte)(v4 >> 24);
                ip[i + 1] = (byte)(v4 >> 16);
                ip[i + 2] = (byte)(v4 >> 8);
                ip[i + 3] = (byte)v4;
                s = [];
                i += 4;
                break;
            }

            ip[i] = (byte)(acc >> 8);
            ip[i + 1] = (byte)acc;
            i += 2;
            s = s[off..];
            if (s.IsEmpty)
            {
                break;
            }

            if (s[0] != ':' || s.Length == 1)
            {
                return false;
            }

            s = s[1..];
            if (s[0] == ':')
            {
                if (ellipsis >= 0)
                {
                    return false;
                }

                ellipsis = i;
                s = s[1..];
                if (s.IsEmpty)
                {
                    break;
                }
            }
        }

        if (!s.IsEmpty)
        {
            return false;
        }

        if (i < 16)
        {
            if (ellipsis < 0)
            {
                return false;
            }

            var shift = 16 - i;
            for (var j = i - 1; j >= ellipsis; j--)
            {
                ip[j + shift] = ip[j];
            }

            ip.Slice(ellipsis, shift).Clear();
        }
        else if (ellipsis >= 0)
        {
            return false; // "::" must stand for at least one group
        }

        address = System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(ip);
        return true;
    }

    private static int HexDigit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
