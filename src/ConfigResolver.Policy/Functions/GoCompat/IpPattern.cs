namespace ConfigResolver.Policy.Functions.GoCompat;

/// <summary>
/// The second argument of ipMatch, parsed once: an address (compared with Go's IP.Equal, so
/// "1.2.3.4" equals "::ffff:1.2.3.4") or a CIDR block (tested with Go's IPNet.Contains).
/// </summary>
/// <remarks>
/// Go's Contains works on 4- or 16-byte forms: a network whose address is IPv4-mapped after
/// masking is treated as an IPv4 network (using the last 32 bits of its mask), an IPv4-mapped
/// request address is treated as IPv4, and the two must then be the same length. So "::/0" does
/// not contain "1.2.3.4", while "::ffff:0:0/96" contains every IPv4 address.
/// </remarks>
internal sealed class IpPattern
{
    private readonly bool _isCidr;
    private readonly UInt128 _address;
    private readonly bool _networkIsV4;
    private readonly UInt128 _network;
    private readonly UInt128 _mask;

    private IpPattern(bool isCidr, UInt128 address, bool networkIsV4, UInt128 network, UInt128 mask)
    {
        _isCidr = isCidr;
        _address = address;
        _networkIsV4 = networkIsV4;
        _network = network;
        _mask = mask;
    }

    public static IpPattern? TryParse(string pattern)
    {
        var slash = pattern.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0 && TryParseCidr(pattern.AsSpan(0, slash), pattern.AsSpan(slash + 1), out var cidr))
        {
            return cidr;
        }

        // Go: not a CIDR, so it must be a plain address.
        return GoIp.TryParse(pattern, out var address, out _)
            ? new IpPattern(isCidr: false, address, networkIsV4: false, default, default)
            : null;
    }

    /// <summary>Whether the (already parsed, 16-byte form) request address matches.</summary>
    public bool Matches(UInt128 ip)
    {
        if (!_isCidr)
        {
            return ip == _address;
        }

        var ipIsV4 = GoIp.IsV4Mapped(ip);
        if (ipIsV4 != _networkIsV4)
        {
            return false;
        }

        return (ip & _mask) == (_network & _mask);
    }

    private static bool TryParseCidr(ReadOnlySpan<char> addressText, ReadOnlySpan<char> maskText, out IpPattern? pattern)
    {
        pattern = null;
        if (!GoIp.TryParse(addressText, out var address, out var writtenAsV4) || !TryParseBits(maskText, out var bits))
        {
            return false;
        }

        var width = writtenAsV4 ? 32 : 128;
        if (bits > width)
        {
            return false;
        }

        UInt128 network;
        UInt128 mask;
        bool networkIsV4;
        if (writtenAsV4)
        {
            // Go keeps an IPv4 network as 4 bytes: compare the last 32 bits only.
            var mask32 = bits == 0 ? 0u : uint.MaxValue << (32 - bits);
            network = GoIp.Mapped((uint)address & mask32);
            mask = mask32;
            networkIsV4 = true;
        }
        else
        {
            mask = bits == 0 ? UInt128.Zero : UInt128.MaxValue << (128 - bits);
            network = address & mask;

            // Go's networkNumberAndMask: a network that is IPv4-mapped after masking is an IPv4
            // network compared on its last 32 bits, with only the low 32 bits of the mask.
            networkIsV4 = GoIp.IsV4Mapped(network);
            if (networkIsV4)
            {
                mask &= uint.MaxValue;
            }
        }

        pattern = new IpPattern(isCidr: true, address, networkIsV4, network, mask);
        return true;
    }

    /// <summary>Go's dtoi over the whole text: decimal digits only, below 2^24.</summary>
    private static bool TryParseBits(ReadOnlySpan<char> text, out int bits)
    {
        bits = 0;
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            bits = (bits * 10) + (c - '0');
            if (bits >= 0xFFFFFF)
            {
                return false;
            }
        }

        return true;
    }
}
