namespace ConfigResolver.Policy.Tests.Support;

/// <summary>Small model texts shared by the tests; each is a well-formed Casbin model.</summary>
internal static class Models
{
    /// <summary>ACL: line 11 is the matcher, its expression starts at column 5.</summary>
    public const string Basic = """
        [request_definition]
        r = sub, obj, act

        [policy_definition]
        p = sub, obj, act

        [policy_effect]
        e = some(where (p.eft == allow))

        [matchers]
        m = r.sub == p.sub && r.obj == p.obj && r.act == p.act
        """;

    /// <summary>RBAC without domains; line 14 is the matcher.</summary>
    public const string Rbac = """
        [request_definition]
        r = sub, obj, act

        [policy_definition]
        p = sub, obj, act

        [role_definition]
        g = _, _

        [policy_effect]
        e = some(where (p.eft == allow))

        [matchers]
        m = g(r.sub, p.sub) && r.obj == p.obj && r.act == p.act
        """;

    /// <summary>RBAC with domains (<c>g = _, _, _</c>).</summary>
    public const string RbacWithDomains = """
        [request_definition]
        r = sub, dom, obj, act

        [policy_definition]
        p = sub, dom, obj, act

        [role_definition]
        g = _, _, _

        [policy_effect]
        e = some(where (p.eft == allow))

        [matchers]
        m = g(r.sub, p.sub, r.dom) && r.dom == p.dom && r.obj == p.obj && r.act == p.act
        """;

    /// <summary>Explicit priority column; the first matching rule in priority order decides.</summary>
    public const string Priority = """
        [request_definition]
        r = sub, obj, act

        [policy_definition]
        p = priority, sub, obj, act, eft

        [role_definition]
        g = _, _

        [policy_effect]
        e = priority(p.eft) || deny

        [matchers]
        m = g(r.sub, p.sub) && r.obj == p.obj && r.act == p.act
        """;

    /// <summary>A second request/policy/effect/matcher set (<c>r2</c>, <c>p2</c>, <c>e2</c>, <c>m2</c>).</summary>
    public const string TwoContexts = """
        [request_definition]
        r = sub, obj, act
        r2 = sub, obj

        [policy_definition]
        p = sub, obj, act
        p2 = sub, obj, eft

        [role_definition]
        g = _, _

        [policy_effect]
        e = some(where (p.eft == allow))
        e2 = !some(where (p.eft == deny))

        [matchers]
        m = g(r.sub, p.sub) && r.obj == p.obj && r.act == p.act
        m2 = r2.sub == p2.sub && keyMatch(r2.obj, p2.obj)
        """;

    /// <summary>The basic model with its matcher replaced (line 11, expression at column 5).</summary>
    /// <param name="matcher">The matcher expression.</param>
    /// <returns>The model text.</returns>
    public static string BasicWithMatcher(string matcher) =>
        Basic.Replace("r.sub == p.sub && r.obj == p.obj && r.act == p.act", matcher, StringComparison.Ordinal);

    /// <summary>The basic model with its effect replaced (line 8, expression at column 5).</summary>
    /// <param name="effect">The effect expression.</param>
    /// <returns>The model text.</returns>
    public static string BasicWithEffect(string effect) =>
        Basic.Replace("some(where (p.eft == allow))", effect, StringComparison.Ordinal);

    /// <summary>Two role definitions without domains: <c>g</c> over subjects, <c>g2</c> over objects.</summary>
    public const string TwoRoleTypes = """
        [request_definition]
        r = sub, obj, act

        [policy_definition]
        p = sub, obj, act

        [role_definition]
        g = _, _
        g2 = _, _

        [policy_effect]
        e = some(where (p.eft == allow))

        [matchers]
        m = g(r.sub, p.sub) && g2(r.obj, p.obj) && r.act == p.act
        """;
}
