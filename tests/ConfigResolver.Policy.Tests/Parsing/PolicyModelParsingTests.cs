using ConfigResolver.Policy.Model;
using ConfigResolver.Policy.Tests.Support;

namespace ConfigResolver.Policy.Tests.Parsing;

public sealed class PolicyModelParsingTests
{
    [Fact]
    public void Parse_reads_every_section_into_its_definitions()
    {
        var model = PolicyModel.Parse(Models.Rbac, "rbac.conf");

        Assert.Equal("rbac.conf", model.SourceName);
        Assert.Equal<string>(["sub", "obj", "act"], model.RequestDefinitions["r"].Tokens);
        Assert.Equal<string>(["sub", "obj", "act"], model.PolicyDefinitions["p"].Tokens);
        Assert.Equal(2, model.RoleDefinitions["g"].ArgumentCount);
        Assert.False(model.RoleDefinitions["g"].HasDomains);
        Assert.Equal(EffectKind.AllowOverride, model.Effects["e"].Kind);
        Assert.Equal("g(r.sub, p.sub) && r.obj == p.obj && r.act == p.act", model.Matchers["m"].Text);
    }

    [Fact]
    public void Parse_records_where_each_definition_starts()
    {
        var model = PolicyModel.Parse(Models.Basic);

        Assert.Equal((2, 5), (model.RequestDefinitions["r"].Line, model.RequestDefinitions["r"].Column));
        Assert.Equal((5, 5), (model.PolicyDefinitions["p"].Line, model.PolicyDefinitions["p"].Column));
    }

    [Fact]
    public void Parse_reads_numbered_keys_in_order_and_stops_at_the_first_gap()
    {
        var text = Models.TwoContexts
            .Replace("r2 = sub, obj", "r2 = sub, obj\nr4 = sub", StringComparison.Ordinal)
            .Replace("m2 = ", "m4 = r4.sub == p.sub\nm2 = ", StringComparison.Ordinal);

        var model = PolicyModel.Parse(text);

        Assert.Equal(["r", "r2"], model.RequestDefinitions.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["p", "p2"], model.PolicyDefinitions.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["e", "e2"], model.Effects.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["m", "m2"], model.Matchers.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Parse_ignores_numbered_keys_when_the_first_key_is_missing()
    {
        var text = Models.TwoContexts.Replace("g = _, _", "g2 = _, _", StringComparison.Ordinal)
            .Replace("g(r.sub, p.sub)", "r.sub == p.sub", StringComparison.Ordinal);

        var model = PolicyModel.Parse(text);

        Assert.Empty(model.RoleDefinitions);
    }

    public static TheoryData<string, string> EquivalentSpellings() => new()
    {
        { "comment lines with # and ;", "# header\n; another\n[request_definition]\n# inside\nr = sub, obj, act\n[policy_definition]\n; inside\np = sub, obj, act\n[policy_effect]\ne = some(where (p.eft == allow))\n[matchers]\nm = r.sub == p.sub && r.obj == p.obj && r.act == p.act\n" },
        { "inline comments after values", "[request_definition]\nr = sub, obj, act # the request\n[policy_definition]\np = sub, obj, act ; the policy\n[policy_effect]\ne = some(where (p.eft == allow)) # allow wins\n[matchers]\nm = r.sub == p.sub && r.obj == p.obj && r.act == p.act # plain ACL\n" },
        { "continuation lines", "[request_definition]\nr = sub, \\\n    obj, act\n[policy_definition]\np = sub, obj, act\n[policy_effect]\ne = some(where (p.eft == allow))\n[matchers]\nm = r.sub == p.sub \\\n  && r.obj == p.obj \\\n  && r.act == p.act\n" },
        { "sections in another order", "[matchers]\nm = r.sub == p.sub && r.obj == p.obj && r.act == p.act\n[policy_effect]\ne = some(where (p.eft == allow))\n[policy_definition]\np = sub, obj, act\n[request_definition]\nr = sub, obj, act\n" },
        { "CRLF line endings and indentation", "[request_definition]\r\n   r = sub, obj, act\r\n\r\n[policy_definition]\r\n\tp=sub,obj,act\r\n[policy_effect]\r\ne = some(where (p.eft == allow))\r\n[matchers]\r\nm = r.sub == p.sub && r.obj == p.obj && r.act == p.act" },
        { "a later duplicate key replaces an earlier one", Models.Basic.Replace("m = r.sub", "m = false\nm = r.sub", StringComparison.Ordinal) },
    };

    [Theory]
    [MemberData(nameof(EquivalentSpellings))]
    public void Parse_accepts_the_syntax_quirks_casbin_accepts(string spelling, string text)
    {
        var enforcer = new Enforcer(PolicyModel.Parse(text, spelling), [new("p", ["alice", "data1", "read"], 1)]);

        Assert.Equal<string>(["sub", "obj", "act"], enforcer.Model.RequestDefinitions["r"].Tokens);
        Assert.Equal<string>(["sub", "obj", "act"], enforcer.Model.PolicyDefinitions["p"].Tokens);
        Assert.Equal("r.sub == p.sub && r.obj == p.obj && r.act == p.act", enforcer.Model.Matchers["m"].Text);
        Assert.True(enforcer.Enforce("alice", "data1", "read"));
        Assert.False(enforcer.Enforce("alice", "data1", "write"));
    }

    [Fact]
    public void Parse_keeps_the_original_position_of_a_continued_matcher()
    {
        var text = Models.Basic.Replace("m = r.sub == p.sub && r.obj", "m = r.sub == p.sub \\\n    && r.obj", StringComparison.Ordinal);

        var map = PolicyModel.Parse(text).Matchers["m"].Map;

        Assert.Equal((11, 5), map.Locate(0));
        Assert.Equal((12, 8), map.Locate("r.sub == p.sub && ".Length));
    }
}
