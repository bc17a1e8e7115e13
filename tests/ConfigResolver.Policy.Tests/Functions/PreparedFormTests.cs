using ConfigResolver.Policy.Functions;

namespace ConfigResolver.Policy.Tests.Functions;

public sealed class PreparedFormTests
{
    private static readonly Dictionary<string, (Func<string, string, bool> Plain, Func<string, Func<string, bool>> Prepare)> s_forms = new()
    {
        ["keyMatch"] = (BuiltInFunctions.KeyMatch, BuiltInFunctions.PrepareKeyMatch),
        ["keyMatch2"] = (BuiltInFunctions.KeyMatch2, BuiltInFunctions.PrepareKeyMatch2),
        ["keyMatch3"] = (BuiltInFunctions.KeyMatch3, BuiltInFunctions.PrepareKeyMatch3),
        ["keyMatch4"] = (BuiltInFunctions.KeyMatch4, BuiltInFunctions.PrepareKeyMatch4),
        ["keyMatch5"] = (BuiltInFunctions.KeyMatch5, BuiltInFunctions.PrepareKeyMatch5),
        ["regexMatch"] = (BuiltInFunctions.RegexMatch, BuiltInFunctions.PrepareRegexMatch),
        ["globMatch"] = (BuiltInFunctions.GlobMatch, BuiltInFunctions.PrepareGlobMatch),
        ["ipMatch"] = (BuiltInFunctions.IpMatch, BuiltInFunctions.PrepareIpMatch),
    };

    /// <summary>Every boolean row of every function's table, tagged with the function name.</summary>
    public static TheoryData<string, string, string, bool> AllRows
    {
        get
        {
            var rows = new TheoryData<string, string, string, bool>();
            Add(rows, "keyMatch", KeyMatchCases.KeyMatch);
            Add(rows, "keyMatch2", KeyMatchCases.KeyMatch2);
            Add(rows, "keyMatch3", KeyMatchCases.KeyMatch3);
            Add(rows, "keyMatch4", KeyMatchCases.KeyMatch4);
            Add(rows, "keyMatch5", KeyMatchCases.KeyMatch5);
            Add(rows, "regexMatch", OtherCases.RegexMatch);
            Add(rows, "globMatch", GlobMatchCases.GoTable);
            Add(rows, "globMatch", GlobMatchCases.Doublestar);
            Add(rows, "ipMatch", OtherCases.IpMatch);
            return rows;
        }
    }

    public static TheoryData<string, string, string> FailingRows
    {
        get
        {
            var rows = new TheoryData<string, string, string>();
            foreach (var row in OtherCases.InvalidRegex)
            {
                rows.Add("regexMatch", (string)row[0], (string)row[1]);
            }

            foreach (var row in GlobMatchCases.BadPatterns)
            {
                rows.Add("globMatch", (string)row[0], (string)row[1]);
            }

            foreach (var row in OtherCases.InvalidIp)
            {
                rows.Add("ipMatch", (string)row[0], (string)row[1]);
            }

            rows.Add("keyMatch2", "/a(b", "/a(b");
            rows.Add("keyMatch4", "/a/1", "/(a)/{id}");
            return rows;
        }
    }

    [Theory]
    [MemberData(nameof(AllRows))]
    public void Prepared_and_plain_forms_agree_with_the_table(string function, string key, string pattern, bool expected)
    {
        var (plain, prepare) = s_forms[function];

        Assert.Equal(expected, plain(key, pattern));
        Assert.Equal(expected, prepare(pattern)(key));
    }

    [Theory]
    [MemberData(nameof(FailingRows))]
    public void Prepared_and_plain_forms_both_fail_where_go_fails(string function, string key, string pattern)
    {
        var (plain, prepare) = s_forms[function];

        Assert.Throws<PolicyFunctionException>(() => plain(key, pattern));
        Assert.Throws<PolicyFunctionException>(() => prepare(pattern)(key));
    }

    [Theory]
    [InlineData("keyMatch", "/api/*", "/api/users/42")]
    [InlineData("keyMatch2", "/users/:id/posts", "/users/42/posts")]
    [InlineData("keyMatch3", "/users/{id}", "/users/42")]
    [InlineData("keyMatch4", "/users/{id}/x", "/users/42/x")]
    [InlineData("keyMatch5", "/users/{id}", "/users/42?page=2")]
    [InlineData("regexMatch", "^/users/[0-9]+$", "/users/42")]
    [InlineData("globMatch", "/users/{a,b}/**", "/users/b/x/y")]
    [InlineData("ipMatch", "10.0.0.0/8", "10.1.2.3")]
    public void Prepared_matchers_do_not_allocate_per_call(string function, string pattern, string key)
    {
        var matcher = s_forms[function].Prepare(pattern);
        Assert.True(matcher(key));

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            matcher(key);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void Add(TheoryData<string, string, string, bool> rows, string function, TheoryData<string, string, bool> table)
    {
        foreach (var row in table)
        {
            rows.Add(function, (string)row[0], (string)row[1], (bool)row[2]);
        }
    }
}
