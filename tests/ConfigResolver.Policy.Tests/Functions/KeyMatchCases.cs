namespace ConfigResolver.Policy.Tests.Functions;

/// <summary>
/// Rows for keyMatch..keyMatch5 and keyGet..keyGet3: first the cases of Go casbin's
/// util/builtin_operators_test.go, then edge cases, each confirmed against Go.
/// </summary>
public static class KeyMatchCases
{
    public static TheoryData<string, string, bool> KeyMatch => new()
    {
        { "/foo", "/foo", true },
        { "/foo", "/foo*", true },
        { "/foo", "/foo/*", false },
        { "/foo/bar", "/foo", false },
        { "/foo/bar", "/foo*", true },
        { "/foo/bar", "/foo/*", true },
        { "/foobar", "/foo", false },
        { "/foobar", "/foo*", true },
        { "/foobar", "/foo/*", false },
        { "/foo/", "/foo/*", true },
        { "/foo/bar/qux", "/foo/*/baz", true },
        { "", "*", true },
        { "/a.b", "/a.*", true },
        { "/axb", "/a.*", false },
    };

    public static TheoryData<string, string, string> KeyGet => new()
    {
        { "/foo", "/foo", "" },
        { "/foo", "/foo*", "" },
        { "/foo", "/foo/*", "" },
        { "/foo/bar", "/foo", "" },
        { "/foo/bar", "/foo*", "/bar" },
        { "/foo/bar", "/foo/*", "bar" },
        { "/foobar", "/foo", "" },
        { "/foobar", "/foo*", "bar" },
        { "/foobar", "/foo/*", "" },
        { "/foo/", "/foo/*", "" },
    };

    public static TheoryData<string, string, bool> KeyMatch2 => new()
    {
        { "/foo", "/foo", true },
        { "/foo", "/foo*", true },
        { "/foo", "/foo/*", false },
        { "/foo/bar", "/foo", false },
        { "/foo/bar", "/foo*", false },
        { "/foo/bar", "/foo/*", true },
        { "/foobar", "/foo", false },
        { "/foobar", "/foo*", false },
        { "/foobar", "/foo/*", false },
        { "/", "/:resource", false },
        { "/resource1", "/:resource", true },
        { "/myid", "/:id/using/:resId", false },
        { "/myid/using/myresid", "/:id/using/:resId", true },
        { "/proxy/myid", "/proxy/:id/*", false },
        { "/proxy/myid/", "/proxy/:id/*", true },
        { "/proxy/myid/res", "/proxy/:id/*", true },
        { "/proxy/myid/res/res2", "/proxy/:id/*", true },
        { "/proxy/myid/res/res2/res3", "/proxy/:id/*", true },
        { "/proxy/", "/proxy/:id/*", false },
        { "/alice", "/:id", true },
        { "/alice/all", "/:id/all", true },
        { "/alice", "/:id/all", false },
        { "/alice/all", "/:id", false },
        { "/alice/all", "/:/all", false },
        { "/users/42", "/users/:id", true },
        { "/users/42/x", "/users/:id", false },
        { "/users/", "/users/:id", false },
        { "/foo", "*", true },
        { "any/thing at all", "*", true },
        { "/x/bar", "*/bar", true },
        { "/bar/x", "*/bar", false },
        { "/fo", "/foo*", true },
        { "/foooo", "/foo*", true },
        { "/fooXbar", "/foo.bar", true },
        { "/api/v12", "/api/v[0-9]+", true },
        { "/api/vx", "/api/v[0-9]+", false },
        { "/foo/baz", "/foo/(bar|baz)", true },
        { "/v1/xabc", "/v1/x:name", true },
        { "/foo\n", "/foo", false },
    };

    public static TheoryData<string, string, bool> KeyMatch3 => new()
    {
        { "/foo", "/foo", true },
        { "/foo", "/foo*", true },
        { "/foo", "/foo/*", false },
        { "/foo/bar", "/foo", false },
        { "/foo/bar", "/foo*", false },
        { "/foo/bar", "/foo/*", true },
        { "/foobar", "/foo", false },
        { "/foobar", "/foo*", false },
        { "/foobar", "/foo/*", false },
        { "/", "/{resource}", false },
        { "/resource1", "/{resource}", true },
        { "/myid", "/{id}/using/{resId}", false },
        { "/myid/using/myresid", "/{id}/using/{resId}", true },
        { "/proxy/myid", "/proxy/{id}/*", false },
        { "/proxy/myid/", "/proxy/{id}/*", true },
        { "/proxy/myid/res", "/proxy/{id}/*", true },
        { "/proxy/myid/res/res2", "/proxy/{id}/*", true },
        { "/proxy/myid/res/res2/res3", "/proxy/{id}/*", true },
        { "/proxy/", "/proxy/{id}/*", false },
        { "/myid/using/myresid", "/{id/using/{resId}", false },
        { "/x", "/{a}{b}", true },
        { "/file.json", "/{name}.json", true },
        { "/fileXjson", "/{name}.json", true },
    };

    public static TheoryData<string, string, bool> KeyMatch4 => new()
    {
        { "/parent/123/child/123", "/parent/{id}/child/{id}", true },
        { "/parent/123/child/456", "/parent/{id}/child/{id}", false },
        { "/parent/123/child/123", "/parent/{id}/child/{another_id}", true },
        { "/parent/123/child/456", "/parent/{id}/child/{another_id}", true },
        { "/parent/123/child/123/book/123", "/parent/{id}/child/{id}/book/{id}", true },
        { "/parent/123/child/123/book/456", "/parent/{id}/child/{id}/book/{id}", false },
        { "/parent/123/child/456/book/123", "/parent/{id}/child/{id}/book/{id}", false },
        { "/parent/123/child/456/book/", "/parent/{id}/child/{id}/book/{id}", false },
        { "/parent/123/child/456", "/parent/{id}/child/{id}/book/{id}", false },
        { "/parent/123/child/123", "/parent/{i/d}/child/{i/d}", false },
        { "/b/1", "/(a)/{id}", false },
    };

    public static TheoryData<string, string, bool> KeyMatch5 => new()
    {
        { "/parent/child?status=1&type=2", "/parent/child", true },
        { "/parent?status=1&type=2", "/parent/child", false },
        { "/parent/child/?status=1&type=2", "/parent/child/", true },
        { "/parent/child/?status=1&type=2", "/parent/child", false },
        { "/parent/child?status=1&type=2", "/parent/child/", false },
        { "/foo", "/foo", true },
        { "/foo", "/foo*", true },
        { "/foo", "/foo/*", false },
        { "/foo/bar", "/foo", false },
        { "/foo/bar", "/foo*", false },
        { "/foo/bar", "/foo/*", true },
        { "/foobar", "/foo", false },
        { "/foobar", "/foo*", false },
        { "/foobar", "/foo/*", false },
        { "/", "/{resource}", false },
        { "/resource1", "/{resource}", true },
        { "/myid", "/{id}/using/{resId}", false },
        { "/myid/using/myresid", "/{id}/using/{resId}", true },
        { "/proxy/myid", "/proxy/{id}/*", false },
        { "/proxy/myid/", "/proxy/{id}/*", true },
        { "/proxy/myid/res", "/proxy/{id}/*", true },
        { "/proxy/myid/res/res2", "/proxy/{id}/*", true },
        { "/proxy/myid/res/res2/res3", "/proxy/{id}/*", true },
        { "/proxy/", "/proxy/{id}/*", false },
        { "/proxy/myid?status=1&type=2", "/proxy/{id}/*", false },
        { "/proxy/myid/res?status=1&type=2", "/proxy/{id}/*", true },
        { "/proxy/myid/res/res2?status=1&type=2", "/proxy/{id}/*", true },
        { "/proxy/myid/res/res2/res3?status=1&type=2", "/proxy/{id}/*", true },
        { "/a?b?c", "/a", true },
    };
}
