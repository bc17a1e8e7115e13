using System.Diagnostics;
using System.Text.RegularExpressions;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Policy.Functions;
using ConfigResolver.Policy.Functions.GoCompat;
using ConfigResolver.Policy.Tests.Functions;
using ConfigResolver.Policy.Tests.Support;

namespace ConfigResolver.Policy.Tests.Hostile;

/// <summary>
/// Patterns that take exponential time on a backtracking engine match in linear time on every path: regexMatch, the
/// =~ operator, keyMatch and keyGet patterns (which compile to regexes), the decision cache, and the Pike VM that runs
/// what .NET's automaton cannot.
/// </summary>
public sealed class LinearRegexTests
{
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(2);
    private static readonly string s_hostile = new string('a', 50_000) + "b";

    public static TheoryData<string> Pathological => new()
    {
        "^(a+)+$",
        "\\b(a+)+$",
        "^(\\P{L}|a+)+$",
        "(a|a)*c",
        "^(a|aa)+$",
        "(.*a){20}$",
    };

    [Theory]
    [MemberData(nameof(Pathological))]
    public void RegexMatch_is_linear_on_patterns_exponential_for_backtracking(string pattern)
    {
        var clock = Stopwatch.StartNew();

        var matched = BuiltInFunctions.RegexMatch(s_hostile, pattern);

        Assert.True(clock.Elapsed < s_bound, $"{pattern}: {clock.Elapsed}");
        Assert.False(matched);
    }

    [Theory]
    [MemberData(nameof(Pathological))]
    public void The_regex_operator_is_linear_on_the_uncached_and_the_cached_path(string pattern)
    {
        var enforcer = Enforcer.FromText(Models.BasicWithMatcher("r.sub == p.sub && r.obj =~ p.obj"), $"p, alice, \"{pattern}\", read");
        var clock = Stopwatch.StartNew();

        var first = enforcer.Enforce("alice", s_hostile, "read");
        var cached = enforcer.Enforce("alice", s_hostile, "read");
        var ok = enforcer.Enforce("alice", new string('a', 30), "read");

        Assert.True(clock.Elapsed < s_bound * 2, $"{pattern}: {clock.Elapsed}");
        Assert.False(first);
        Assert.False(cached);
        Assert.Equal(pattern != "(a|a)*c", ok);
    }

    [Fact]
    public void KeyGet2_and_keyMatch2_patterns_with_nested_quantifiers_are_linear()
    {
        var key = "/" + new string('a', 50_000) + "!/x";
        var clock = Stopwatch.StartNew();

        var matched = BuiltInFunctions.KeyMatch2(key, "/(a+)+/:id");
        var value = BuiltInFunctions.KeyGet2(key, "/(a+)+/:id", "id");

        Assert.True(clock.Elapsed < s_bound, clock.Elapsed.ToString());
        Assert.False(matched);
        Assert.Equal(string.Empty, value);
    }

    [Theory]
    [InlineData("(?=a)", "invalid or unsupported Perl syntax: `(?=`")]
    [InlineData("(?<=a)b", "invalid named capture: `(?<=a)b`")]
    [InlineData("(a)\\\\1", "invalid escape sequence: `\\1`")]
    [InlineData("a++", "invalid nested repetition operator: `++`")]
    public void A_constant_pattern_the_linear_engine_cannot_run_is_a_compile_time_error_naming_the_construct(string pattern, string construct)
    {
        var diagnostic = Diagnose.Single(() => Enforcer.FromText(Models.BasicWithMatcher($"r.obj =~ '{pattern}'")));

        Assert.Equal((PolicyDiagnosticCodes.UnsupportedRegex, 11), (diagnostic.Code, diagnostic.Line));
        Assert.Contains(construct, diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(OtherCases.RegexMatch), MemberType = typeof(OtherCases))]
    public void The_pike_vm_gives_go_answers_on_every_regex_match_case(string text, string pattern, bool expected)
    {
        var (root, _) = GoRegexParser.Parse(pattern);

        Assert.Equal(expected, GoRegexMachine.IsMatch(GoRegexProgram.Compile(root), text, GoRegex.MatchTimeout));
    }

    [Theory]
    [InlineData("^(a+)(b*)$", "aab", new[] { "aab", "aa", "b" })]
    [InlineData("(a|ab)(c|bcd)(d*)", "abcd", new[] { "abcd", "a", "bcd", "" })]
    [InlineData("(a*)+", "b", new[] { "", "" })]
    [InlineData("(a+?)(a*)", "aaa", new[] { "aaa", "a", "aa" })]
    [InlineData("x(y)?z", "xz", new[] { "xz", "" })]
    [InlineData("^/([^/]+)/(.*)$", "/users/42/x", new[] { "/users/42/x", "users", "42/x" })]
    public void Submatches_are_gos_leftmost_first_groups(string pattern, string input, string[] expected)
    {
        Assert.Equal(expected, GoRegex.Compile(pattern).FindSubmatch(input));
    }

    [Fact]
    public void No_compiled_pattern_runs_on_a_backtracking_engine()
    {
        // \b needs the Pike VM; the rest run on .NET's automaton. There is no third engine to fall back to.
        Assert.False(GoRegex.Compile("\\bword\\b").UsesAutomaton);
        Assert.True(GoRegex.Compile("^(a+)+$").UsesAutomaton);
        Assert.True(BuiltInFunctions.RegexMatch("a word here", "\\bword\\b"));
        Assert.False(BuiltInFunctions.RegexMatch("swordfish", "\\bword\\b"));
    }

    [Fact]
    public void A_glob_with_multiplying_brace_alternatives_is_a_coded_error_not_exponential_time()
    {
        var pattern = string.Concat(Enumerable.Repeat("{a,aa,aaa}", 30)) + "b";
        var clock = Stopwatch.StartNew();

        var e = Assert.Throws<PolicyFunctionException>(() => BuiltInFunctions.GlobMatch(new string('a', 5000), pattern));

        Assert.True(clock.Elapsed < s_bound, clock.Elapsed.ToString());
        Assert.Equal("globMatch", e.FunctionName);
        Assert.Throws<PolicyFunctionException>(() => BuiltInFunctions.GlobMatch("a", string.Concat(Enumerable.Repeat("{a}", 65))));
        Assert.True(BuiltInFunctions.GlobMatch("aab", "{a,aa}{a,b}b"));
    }

    [Fact]
    public void A_match_timeout_stays_as_second_line_of_defence()
    {
        Assert.Equal(TimeSpan.FromSeconds(2), GoRegex.MatchTimeout);
        Assert.Throws<RegexMatchTimeoutException>(() => GoRegexMachine.IsMatch(GoRegexProgram.Compile(GoRegexParser.Parse("(a|b|c|d)*e").Root), new string('a', 200_000), TimeSpan.Zero));
    }
}
