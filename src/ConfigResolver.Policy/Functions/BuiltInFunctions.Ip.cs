using ConfigResolver.Policy.Functions.GoCompat;

namespace ConfigResolver.Policy.Functions;

/// <summary>ipMatch.</summary>
public static partial class BuiltInFunctions
{
    private const string Ip1Invalid = "invalid argument: ip1 in IPMatch() function is not an IP address.";
    private const string Ip2Invalid = "invalid argument: ip2 in IPMatch() function is neither an IP address nor a CIDR.";

    private static readonly BoundedCache<IpMatcher> s_ipCache = new(PatternCacheCapacity, pattern => new IpMatcher(pattern));

    /// <summary>
    /// Go's IPMatch: whether the address <paramref name="ip1"/> equals the address <paramref name="ip2"/>
    /// or lies in the CIDR block <paramref name="ip2"/>, for IPv4 and IPv6 with Go's parsing and
    /// IPv4-mapped handling ("1.2.3.4" equals "::ffff:1.2.3.4"; "::ffff:0:0/96" holds every IPv4 address).
    /// </summary>
    /// <param name="ip1">The request address.</param>
    /// <param name="ip2">An address or CIDR block, e.g. "192.168.2.0/24" or "2001:db8::/32".</param>
    /// <returns>Whether the address matches.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="PolicyFunctionException"><paramref name="ip1"/> is not an IP address, or <paramref name="ip2"/> is neither an address nor a CIDR block (checked in that order, as in Go).</exception>
    public static bool IpMatch(string ip1, string ip2)
    {
        ArgumentNullException.ThrowIfNull(ip1);
        ArgumentNullException.ThrowIfNull(ip2);
        return s_ipCache.GetOrAdd(ip2).Matches(ip1);
    }

    /// <summary>Prepares <see cref="IpMatch"/> for a fixed address or CIDR block.</summary>
    /// <param name="pattern">The address or CIDR block (second argument of ipMatch).</param>
    /// <returns>A matcher taking the request address; it throws <see cref="PolicyFunctionException"/> when that is not an IP address.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="pattern"/> is null.</exception>
    /// <exception cref="PolicyFunctionException"><paramref name="pattern"/> is neither an address nor a CIDR block.</exception>
    public static Func<string, bool> PrepareIpMatch(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var matcher = new IpMatcher(pattern);
        if (matcher.Pattern is null)
        {
            throw new PolicyFunctionException("ipMatch", Ip2Invalid);
        }

        return matcher.Matches;
    }

    /// <summary>A parsed ipMatch pattern, or the memory that it did not parse (Go reports that only after checking ip1).</summary>
    private sealed class IpMatcher(string pattern)
    {
        public IpPattern? Pattern { get; } = IpPattern.TryParse(pattern);

        public bool Matches(string ip1)
        {
            if (!GoIp.TryParse(ip1, out var address, out _))
            {
                throw new PolicyFunctionException("ipMatch", Ip1Invalid);
            }

            return Pattern is null
                ? throw new PolicyFunctionException("ipMatch", Ip2Invalid)
                : Pattern.Matches(address);
        }
    }
}
