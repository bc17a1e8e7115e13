using ConfigResolver.Policy.Functions;

namespace ConfigResolver.Policy.Tests.Functions;

public sealed class IpMatchTests
{
    [Theory]
    [MemberData(nameof(OtherCases.IpMatch), MemberType = typeof(OtherCases))]
    public void IpMatch_follows_go_parse_and_contains_semantics(string ip1, string ip2, bool expected)
    {
        Assert.Equal(expected, BuiltInFunctions.IpMatch(ip1, ip2));
    }

    [Theory]
    [MemberData(nameof(OtherCases.InvalidIp), MemberType = typeof(OtherCases))]
    public void IpMatch_throws_go_messages_checking_the_request_address_first(string ip1, string ip2, string message)
    {
        var ex = Assert.Throws<PolicyFunctionException>(() => BuiltInFunctions.IpMatch(ip1, ip2));

        Assert.Equal("ipMatch", ex.FunctionName);
        Assert.Equal("invalid argument: " + message, ex.Detail);
    }

    [Fact]
    public void PrepareIpMatch_rejects_a_bad_pattern_at_once_and_a_bad_request_address_per_call()
    {
        Assert.Throws<PolicyFunctionException>(() => BuiltInFunctions.PrepareIpMatch("10.0.0.0/40"));

        var matcher = BuiltInFunctions.PrepareIpMatch("10.0.0.0/8");

        Assert.True(matcher("10.1.2.3"));
        Assert.Throws<PolicyFunctionException>(() => matcher("10.1.2"));
    }
}
