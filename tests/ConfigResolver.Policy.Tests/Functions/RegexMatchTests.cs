using ConfigResolver.Policy.Functions;

namespace ConfigResolver.Policy.Tests.Functions;

public sealed class RegexMatchTests
{
    [Theory]
    [MemberData(nameof(OtherCases.RegexMatch), MemberType = typeof(OtherCases))]
    public void RegexMatch_searches_with_go_re2_semantics(string text, string pattern, bool expected)
    {
        Assert.Equal(expected, BuiltInFunctions.RegexMatch(text, pattern));
    }

    [Theory]
    [MemberData(nameof(OtherCases.InvalidRegex), MemberType = typeof(OtherCases))]
    public void RegexMatch_rejects_what_go_rejects_with_go_error_text(string text, string pattern, string goError)
    {
        var ex = Assert.Throws<PolicyFunctionException>(() => BuiltInFunctions.RegexMatch(text, pattern));

        Assert.Equal("regexMatch", ex.FunctionName);
        Assert.Equal("regexp: Compile(`" + pattern + "`): error parsing regexp: " + goError, ex.Detail);
    }

    [Fact]
    public void RegexMatch_reports_go_script_classes_as_unsupported_rather_than_guessing()
    {
        var ex = Assert.Throws<PolicyFunctionException>(() => BuiltInFunctions.RegexMatch("α", "\\p{Greek}"));

        Assert.Contains("not supported", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RegexMatch_applies_go_limits_on_nesting_and_size()
    {
        var deep = new string('(', 1001) + "a" + new string(')', 1001);
        var large = string.Concat(Enumerable.Repeat("(?:a{1000})", 3400));
        var allowed = new string('(', 999) + "a" + new string(')', 999);

        Assert.Contains("expression nests too deeply", Assert.Throws<PolicyFunctionException>(() => BuiltInFunctions.RegexMatch("a", deep)).Message, StringComparison.Ordinal);
        Assert.Contains("expression too large", Assert.Throws<PolicyFunctionException>(() => BuiltInFunctions.RegexMatch("a", large)).Message, StringComparison.Ordinal);
        Assert.True(BuiltInFunctions.RegexMatch("a", allowed));
    }

    [Fact]
    public void RegexMatch_stays_linear_on_a_pattern_that_is_exponential_for_backtracking()
    {
        var text = new string('a', 5000) + "!";

        Assert.False(BuiltInFunctions.RegexMatch(text, "^(a+)+$"));
    }

    [Fact]
    public void RegexMatch_matches_a_final_newline_with_a_large_unicode_class()
    {
        // .NET's non-backtracking engine misses this for large classes; the translation avoids it.
        Assert.True(BuiltInFunctions.RegexMatch("b\n", "\\PL"));
        Assert.True(BuiltInFunctions.RegexMatch("b\n", "\\p{^L}"));
    }
}
