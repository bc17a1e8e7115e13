using ConfigResolver.Policy.Functions;

namespace ConfigResolver.Policy.Tests.Functions;

public sealed class KeyMatchTests
{
    [Theory]
    [MemberData(nameof(KeyMatchCases.KeyMatch), MemberType = typeof(KeyMatchCases))]
    public void KeyMatch_compares_the_text_before_the_first_star_as_a_prefix(string key, string pattern, bool expected)
    {
        Assert.Equal(expected, BuiltInFunctions.KeyMatch(key, pattern));
    }

    [Theory]
    [MemberData(nameof(KeyMatchCases.KeyGet), MemberType = typeof(KeyMatchCases))]
    public void KeyGet_returns_what_the_star_matched_or_empty(string key, string pattern, string expected)
    {
        Assert.Equal(expected, BuiltInFunctions.KeyGet(key, pattern));
        Assert.Equal(expected, BuiltInFunctions.PrepareKeyGet(pattern)(key));
    }

    [Theory]
    [MemberData(nameof(KeyMatchCases.KeyMatch2), MemberType = typeof(KeyMatchCases))]
    public void KeyMatch2_follows_go_including_regex_metacharacters(string key, string pattern, bool expected)
    {
        Assert.Equal(expected, BuiltInFunctions.KeyMatch2(key, pattern));
    }

    [Fact]
    public void KeyMatch2_treats_colon_segment_as_one_path_segment()
    {
        Assert.True(BuiltInFunctions.KeyMatch2("/users/42/posts", "/users/:id/posts"));
        Assert.False(BuiltInFunctions.KeyMatch2("/users/4/2/posts", "/users/:id/posts"));
    }

    [Fact]
    public void KeyMatch2_star_pattern_matches_anything_because_go_repeats_the_start_anchor()
    {
        // Go builds "^*$": a starred empty-width "^" followed by "$", which is found at every key's end.
        Assert.True(BuiltInFunctions.KeyMatch2(string.Empty, "*"));
        Assert.True(BuiltInFunctions.KeyMatch2("/deep/path/x", "*"));
    }

    [Fact]
    public void KeyMatch2_rejects_a_pattern_whose_derived_regex_go_cannot_compile()
    {
        var ex = Assert.Throws<PolicyFunctionException>(() => BuiltInFunctions.KeyMatch2("/a(b", "/a(b"));

        Assert.Equal("keyMatch2", ex.FunctionName);
        Assert.Equal("regexp: Compile(`^/a(b$`): error parsing regexp: missing closing ): `^/a(b$`", ex.Detail);
    }

    [Theory]
    [MemberData(nameof(KeyGetCases.KeyGet2), MemberType = typeof(KeyGetCases))]
    public void KeyGet2_returns_the_named_colon_parameter(string key, string pattern, string pathVar, string expected)
    {
        Assert.Equal(expected, BuiltInFunctions.KeyGet2(key, pattern, pathVar));
        Assert.Equal(expected, BuiltInFunctions.PrepareKeyGet2(pattern, pathVar)(key));
    }

    [Fact]
    public void KeyGet2_reads_groups_by_position_so_pattern_parentheses_shift_them_as_in_go()
    {
        Assert.Equal("a", BuiltInFunctions.KeyGet2("/a/b", "/(a)/:id", "id"));
    }
}
