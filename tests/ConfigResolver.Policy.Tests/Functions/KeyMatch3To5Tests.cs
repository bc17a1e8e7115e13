using ConfigResolver.Policy.Functions;

namespace ConfigResolver.Policy.Tests.Functions;

public sealed class KeyMatch3To5Tests
{
    [Theory]
    [MemberData(nameof(KeyMatchCases.KeyMatch3), MemberType = typeof(KeyMatchCases))]
    public void KeyMatch3_treats_a_braced_name_as_one_path_segment(string key, string pattern, bool expected)
    {
        Assert.Equal(expected, BuiltInFunctions.KeyMatch3(key, pattern));
    }

    [Theory]
    [MemberData(nameof(KeyGetCases.KeyGet3), MemberType = typeof(KeyGetCases))]
    public void KeyGet3_returns_the_named_brace_parameter_matched_lazily(string key, string pattern, string pathVar, string expected)
    {
        Assert.Equal(expected, BuiltInFunctions.KeyGet3(key, pattern, pathVar));
        Assert.Equal(expected, BuiltInFunctions.PrepareKeyGet3(pattern, pathVar)(key));
    }

    [Theory]
    [MemberData(nameof(KeyMatchCases.KeyMatch4), MemberType = typeof(KeyMatchCases))]
    public void KeyMatch4_requires_repeated_names_to_capture_equal_values(string key, string pattern, bool expected)
    {
        Assert.Equal(expected, BuiltInFunctions.KeyMatch4(key, pattern));
    }

    [Fact]
    public void KeyMatch4_throws_like_go_when_a_match_has_more_groups_than_parameters()
    {
        var ex = Assert.Throws<PolicyFunctionException>(() => BuiltInFunctions.KeyMatch4("/a/1", "/(a)/{id}"));

        Assert.Equal("KeyMatch4: number of tokens is not equal to number of values", ex.Detail);
    }

    [Theory]
    [MemberData(nameof(KeyMatchCases.KeyMatch5), MemberType = typeof(KeyMatchCases))]
    public void KeyMatch5_ignores_the_query_string_of_the_key(string key, string pattern, bool expected)
    {
        Assert.Equal(expected, BuiltInFunctions.KeyMatch5(key, pattern));
    }
}
