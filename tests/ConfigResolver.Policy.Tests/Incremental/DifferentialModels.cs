namespace ConfigResolver.Policy.Tests.Incremental;

/// <summary>The models the differential test drives: RBAC with and without domains, a priority column, deny-override.</summary>
internal static class DifferentialModels
{
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

    public const string DenyOverride = """
        [request_definition]
        r = sub, obj, act
        [policy_definition]
        p = sub, obj, act, eft
        [role_definition]
        g = _, _
        [policy_effect]
        e = some(where (p.eft == allow)) && !some(where (p.eft == deny))
        [matchers]
        m = g(r.sub, p.sub) && r.obj == p.obj && r.act == p.act
        """;

    public static string Text(string name) => name switch
    {
        "rbac" => Rbac,
        "rbac-domains" => RbacWithDomains,
        "priority" => Priority,
        _ => DenyOverride,
    };
}
