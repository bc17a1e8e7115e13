namespace ConfigResolver.Policy.Tests.Functions;

/// <summary>
/// Rows (name, pattern, expected) for globMatch: the grid of Go casbin's TestGlobMatch, then
/// doublestar v4.6.1 behaviours, each confirmed against Go.
/// </summary>
public static class GlobMatchCases
{
    public static TheoryData<string, string, bool> GoTable => new()
    {
        { "/foo", "/foo", true }, { "/foo", "/foo*", true }, { "/foo", "/foo/*", false },
        { "/foo/bar", "/foo", false }, { "/foo/bar", "/foo*", false }, { "/foo/bar", "/foo/*", true },
        { "/foobar", "/foo", false }, { "/foobar", "/foo*", true }, { "/foobar", "/foo/*", false },
        { "/foo", "*/foo", true }, { "/foo", "*/foo*", true }, { "/foo", "*/foo/*", false },
        { "/foo/bar", "*/foo", false }, { "/foo/bar", "*/foo*", false }, { "/foo/bar", "*/foo/*", true },
        { "/foobar", "*/foo", false }, { "/foobar", "*/foo*", true }, { "/foobar", "*/foo/*", false },
        { "/prefix/foo", "*/foo", false }, { "/prefix/foo", "*/foo*", false }, { "/prefix/foo", "*/foo/*", false },
        { "/prefix/foo/bar", "*/foo", false }, { "/prefix/foo/bar", "*/foo*", false }, { "/prefix/foo/bar", "*/foo/*", false },
        { "/prefix/foobar", "*/foo", false }, { "/prefix/foobar", "*/foo*", false }, { "/prefix/foobar", "*/foo/*", false },
        { "/prefix/subprefix/foo", "*/foo", false }, { "/prefix/subprefix/foo", "*/foo*", false }, { "/prefix/subprefix/foo", "*/foo/*", false },
        { "/prefix/subprefix/foo/bar", "*/foo", false }, { "/prefix/subprefix/foo/bar", "*/foo*", false }, { "/prefix/subprefix/foo/bar", "*/foo/*", false },
        { "/prefix/subprefix/foobar", "*/foo", false }, { "/prefix/subprefix/foobar", "*/foo*", false }, { "/prefix/subprefix/foobar", "*/foo/*", false },
        { "/foo", "**/foo", true }, { "/foo", "**/foo**", true }, { "/foo", "**/foo/**", true },
        { "/foo/bar", "**/foo", false }, { "/foo/bar", "**/foo**", false }, { "/foo/bar", "**/foo/**", true },
        { "/foobar", "**/foo", false }, { "/foobar", "**/foo**", true }, { "/foobar", "**/foo/**", false },
        { "/prefix/foo", "**/foo", true }, { "/prefix/foo", "**/foo**", true }, { "/prefix/foo", "**/foo/**", true },
        { "/prefix/foo/bar", "**/foo", false }, { "/prefix/foo/bar", "**/foo**", false }, { "/prefix/foo/bar", "**/foo/**", true },
        { "/prefix/foobar", "**/foo", false }, { "/prefix/foobar", "**/foo**", true }, { "/prefix/foobar", "**/foo/**", false },
        { "/prefix/subprefix/foo", "**/foo", true }, { "/prefix/subprefix/foo", "**/foo**", true }, { "/prefix/subprefix/foo", "**/foo/**", true },
        { "/prefix/subprefix/foo/bar", "**/foo", false }, { "/prefix/subprefix/foo/bar", "**/foo**", false }, { "/prefix/subprefix/foo/bar", "**/foo/**", true },
        { "/prefix/subprefix/foobar", "**/foo", false }, { "/prefix/subprefix/foobar", "**/foo**", true }, { "/prefix/subprefix/foobar", "**/foo/**", false },
        { "/foo", "*/foo**", true }, { "/foo", "**/foo*", true }, { "/foo", "*/foo/**", true }, { "/foo", "**/foo/*", false },
        { "/foo/bar", "*/foo**", false }, { "/foo/bar", "**/foo*", false }, { "/foo/bar", "*/foo/**", true }, { "/foo/bar", "**/foo/*", true },
        { "/foobar", "*/foo**", true }, { "/foobar", "**/foo*", true }, { "/foobar", "*/foo/**", false }, { "/foobar", "**/foo/*", false },
        { "/prefix/foo", "*/foo**", false }, { "/prefix/foo", "**/foo*", true }, { "/prefix/foo", "*/foo/**", false }, { "/prefix/foo", "**/foo/*", false },
        { "/prefix/foo/bar", "*/foo**", false }, { "/prefix/foo/bar", "**/foo*", false }, { "/prefix/foo/bar", "*/foo/**", false }, { "/prefix/foo/bar", "**/foo/*", true },
        { "/prefix/foobar", "*/foo**", false }, { "/prefix/foobar", "**/foo*", true }, { "/prefix/foobar", "*/foo/**", false }, { "/prefix/foobar", "**/foo/*", false },
        { "/prefix/subprefix/foo", "*/foo**", false }, { "/prefix/subprefix/foo", "**/foo*", true }, { "/prefix/subprefix/foo", "*/foo/**", false }, { "/prefix/subprefix/foo", "**/foo/*", false },
        { "/prefix/subprefix/foo/bar", "*/foo**", false }, { "/prefix/subprefix/foo/bar", "**/foo*", false }, { "/prefix/subprefix/foo/bar", "*/foo/**", false }, { "/prefix/subprefix/foo/bar", "**/foo/*", true },
        { "/prefix/subprefix/foobar", "*/foo**", false }, { "/prefix/subprefix/foobar", "**/foo*", true }, { "/prefix/subprefix/foobar", "*/foo/**", false }, { "/prefix/subprefix/foobar", "**/foo/*", false },
    };

    public static TheoryData<string, string, bool> Doublestar => new()
    {
        { "/foo/", "/foo/*", true },
        { "//foo/", "/*/foo/*", true },
        { "/prefix/foo/", "/*/foo/*", true },
        { "/foo/", "/foo*", false },
        { "a/b/c", "a/**", true },
        { "a", "a/**", true },
        { "a/b/c/d", "a/**/d", true },
        { "a/d", "a/**/d", true },
        { "a/b.txt", "a/**.txt", true },
        { "a/b/c.txt", "a/**.txt", false },
        { "a", "?", true },
        { "😀", "?", true },
        { "/", "?", false },
        { "b", "[abc]", true },
        { "d", "[abc]", false },
        { "m", "[a-z]", true },
        { "x", "[!x]", false },
        { "y", "[^x]", true },
        { "/", "[!x]", true },
        { "-", "[a-]", true },
        { "a.go", "*.{go,md}", true },
        { "a.md", "*.{go,md}", true },
        { "a.txt", "*.{go,md}", false },
        { "ab", "{a{b,c},d}", true },
        { "ac", "{a{b,c},d}", true },
        { "d", "{a{b,c},d}", true },
        { "*", "\\*", true },
        { "a", "\\*", false },
        { "[", "\\[", true },
        { ".hidden", "*", true },
        { "a//b", "a/*/b", true },
        { "a/b", "a//b", false },
        { "a", "{a,[}", true },
        { "", "", true },
        { "", "*", true },
        { "}", "}", true },
    };

    /// <summary>Rows (name, pattern) where doublestar returns ErrBadPattern.</summary>
    public static TheoryData<string, string> BadPatterns => new()
    {
        { "a", "[" },
        { "b", "a[" },
        { "a", "a[" },
        { "a", "[]" },
        { "a", "{a" },
        { "x", "}" },
        { "b", "{a,[}" },
        { "a", "a\\" },
        { "ab", "[!" },
    };
}
