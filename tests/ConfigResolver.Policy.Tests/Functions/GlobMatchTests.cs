using ConfigResolver.Policy.Functions;

namespace ConfigResolver.Policy.Tests.Functions;

public sealed class GlobMatchTests
{
    [Theory]
    [MemberData(nameof(GlobMatchCases.GoTable), MemberType = typeof(GlobMatchCases))]
    public void GlobMatch_follows_go_casbin_table(string name, string pattern, bool expected)
    {
        Assert.Equal(expected, BuiltInFunctions.GlobMatch(name, pattern));
    }

    [Theory]
    [MemberData(nameof(GlobMatchCases.Doublestar), MemberType = typeof(GlobMatchCases))]
    public void GlobMatch_follows_doublestar_v4_semantics(string name, string pattern, bool expected)
    {
        Assert.Equal(expected, BuiltInFunctions.GlobMatch(name, pattern));
    }

    [Theory]
    [MemberData(nameof(GlobMatchCases.BadPatterns), MemberType = typeof(GlobMatchCases))]
    public void GlobMatch_throws_where_doublestar_returns_bad_pattern(string name, string pattern)
    {
        var ex = Assert.Throws<PolicyFunctionException>(() => BuiltInFunctions.GlobMatch(name, pattern));

        Assert.Equal("globMatch", ex.FunctionName);
        Assert.Equal("syntax error in pattern", ex.Detail);
    }

    [Fact]
    public void GlobMatch_takes_the_pattern_as_the_second_argument()
    {
        Assert.True(BuiltInFunctions.GlobMatch("/foo/bar", "/foo/*"));
        Assert.False(BuiltInFunctions.GlobMatch("/foo/*", "/foo/bar"));
    }

    [Fact]
    public void GlobMatch_star_does_not_cross_a_slash_but_a_whole_segment_doublestar_does()
    {
        Assert.False(BuiltInFunctions.GlobMatch("/a/b/c", "/a/*"));
        Assert.True(BuiltInFunctions.GlobMatch("/a/b/c", "/a/**"));
        Assert.True(BuiltInFunctions.GlobMatch("/a/c", "/a/**/c"));
    }

    [Fact]
    public void GlobMatch_reports_a_bad_pattern_only_when_matching_reaches_it_like_doublestar()
    {
        // The first alternative matches before the unclosed class in the second is read.
        Assert.True(BuiltInFunctions.GlobMatch("a", "{a,[}"));
        Assert.Throws<PolicyFunctionException>(() => BuiltInFunctions.GlobMatch("b", "{a,[}"));
    }
}
