using ConfigResolver.Policy.Functions;
using ConfigResolver.Policy.Functions.GoCompat;

namespace ConfigResolver.Policy.Tests.Functions;

public sealed class SimpleKeyPatternTests
{
    public static TheoryData<string, string> Rows => new()
    {
        { "/users/[^/]+", "/users/42" },
        { "/users/[^/]+", "/users/" },
        { "/users/[^/]+", "/users/4/2" },
        { "/users/[^/]+", "/users/\n" },
        { "/a/.*", "/a/" },
        { "/a/.*", "/a/b/c" },
        { "/a/.*", "/a/b\n" },
        { "/a/.*/b/.*", "/a/x/b/y/b/z" },
        { "[^/]+[^/]+", "ab" },
        { "[^/]+[^/]+", "a" },
        { "/😀/[^/]+", "/😀/😀" },
        { "", "" },
        { "", "x" },
        { ".*", "" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Fast_path_agrees_with_the_compiled_go_regex(string body, string key)
    {
        var simple = SimpleKeyPattern.TryCreate(body);
        var regex = GoRegex.Compile("^" + body + "$");

        Assert.NotNull(simple);
        Assert.Equal(regex.IsMatch(key), simple.IsMatch(key));
    }

    [Theory]
    [InlineData("/foo.bar")]
    [InlineData("/foo*")]
    [InlineData("/(a|b)")]
    [InlineData("/a{2}")]
    [InlineData("/a\\.b")]
    [InlineData("/.*?")]
    public void Fast_path_declines_bodies_with_other_regex_syntax(string body)
    {
        Assert.Null(SimpleKeyPattern.TryCreate(body));
    }
}
