using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Policy.Model;
using ConfigResolver.Policy.Tests.Support;

namespace ConfigResolver.Policy.Tests.Parsing;

public sealed class PolicyModelDiagnosticsTests
{
    public static TheoryData<string, string> RequiredSections() => new()
    {
        { "request_definition", "r = sub, obj, act" },
        { "policy_definition", "p = sub, obj, act" },
        { "policy_effect", "e = some(where (p.eft == allow))" },
        { "matchers", "m = r.sub == p.sub && r.obj == p.obj && r.act == p.act" },
    };

    [Theory]
    [MemberData(nameof(RequiredSections))]
    public void Parse_rejects_a_model_without_a_required_section(string section, string entry)
    {
        var text = Models.Basic.Replace($"[{section}]\n{entry}", string.Empty, StringComparison.Ordinal);

        var diagnostic = Diagnose.Single(() => PolicyModel.Parse(text, "m.conf"));

        Assert.Equal((PolicyDiagnosticCodes.MissingSection, "m.conf", 1, 1), (diagnostic.Code, diagnostic.File, diagnostic.Line, diagnostic.Column));
        Assert.Contains($"[{section}]", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("r = sub, obj, act")]
    [InlineData("p = sub, obj, act")]
    [InlineData("e = some(where (p.eft == allow))")]
    [InlineData("m = r.sub == p.sub && r.obj == p.obj && r.act == p.act")]
    public void Parse_rejects_a_required_section_that_has_no_entry(string entry)
    {
        var text = Models.Basic.Replace(entry, "# nothing here", StringComparison.Ordinal);

        Assert.Equal([(PolicyDiagnosticCodes.MissingSection, 1, 1)], Diagnose.Positions(() => PolicyModel.Parse(text)));
    }

    [Fact]
    public void Parse_accepts_a_model_without_role_definitions()
    {
        var model = PolicyModel.Parse(Models.Basic);

        Assert.Empty(model.RoleDefinitions);
    }

    public static TheoryData<string, int, int> MalformedLines() => new()
    {
        { Models.Basic.Replace("r = sub, obj, act\n", "r = sub, obj, act\nsub obj act\n", StringComparison.Ordinal), 3, 1 },
        { Models.Basic.Replace("r = sub, obj, act\n", "r = sub, obj, act\n    just words\n", StringComparison.Ordinal), 3, 5 },
        { Models.Basic.Replace("[matchers]", "oops \\\n  still no equals sign\n[matchers]", StringComparison.Ordinal), 10, 1 },
        { "stray text before any section\n" + Models.Basic, 1, 1 },
    };

    [Theory]
    [MemberData(nameof(MalformedLines))]
    public void Parse_reports_a_line_that_is_not_key_value_with_its_position(string text, int line, int column) =>
        Assert.Equal([(PolicyDiagnosticCodes.ModelSyntax, line, column)], Diagnose.Positions(() => PolicyModel.Parse(text)));

    [Theory]
    [InlineData("p.eft==allow")]
    [InlineData("some(where (p.eft==allow))")]
    [InlineData("some(where (p.eft == allow)) || deny")]
    [InlineData("max(p.eft)")]
    public void Parse_rejects_an_unsupported_effect_and_lists_the_accepted_forms(string effect)
    {
        var diagnostic = Diagnose.Single(() => PolicyModel.Parse(Models.BasicWithEffect(effect), "m.conf"));

        Assert.Equal((PolicyDiagnosticCodes.UnsupportedEffect, 8, 5), (diagnostic.Code, diagnostic.Line, diagnostic.Column));
        Assert.All(EffectDefinition.AcceptedForms, form => Assert.Contains($"'{form}'", diagnostic.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("some(where (p.eft == allow))", EffectKind.AllowOverride)]
    [InlineData("!some(where (p.eft == deny))", EffectKind.DenyOverride)]
    [InlineData("some(where (p.eft == allow)) && !some(where (p.eft == deny))", EffectKind.AllowAndDeny)]
    [InlineData("priority(p.eft) || deny", EffectKind.Priority)]
    [InlineData("subjectPriority(p.eft) || deny", EffectKind.SubjectPriority)]
    [InlineData("some(where (p_eft == allow))", EffectKind.AllowOverride)]
    public void Parse_recognises_the_five_supported_effects(string effect, EffectKind kind) =>
        Assert.Equal(kind, PolicyModel.Parse(Models.BasicWithEffect(effect)).Effects["e"].Kind);

    [Theory]
    [InlineData("_, _, (_, _)")]
    [InlineData("_, _, _, (_, _)")]
    [InlineData("_")]
    [InlineData("user, role")]
    public void Parse_rejects_a_role_definition_it_does_not_support(string definition)
    {
        var text = Models.Rbac.Replace("g = _, _", "g = " + definition, StringComparison.Ordinal);

        Assert.Equal([(PolicyDiagnosticCodes.InvalidRoleDefinition, 8, 5)], Diagnose.Positions(() => PolicyModel.Parse(text)));
    }

    [Fact]
    public void Parse_reports_every_problem_at_once_sorted_by_position()
    {
        var text = Models.Rbac
            .Replace("p = sub, obj, act", "p = sub, obj, act\n  stray text", StringComparison.Ordinal)
            .Replace("g = _, _", "g = _, _, (_, _)", StringComparison.Ordinal)
            .Replace("some(where (p.eft == allow))", "anything(p.eft)", StringComparison.Ordinal);

        var positions = Diagnose.Positions(() => PolicyModel.Parse(text, "three.conf"));

        Assert.Equal(
            [(PolicyDiagnosticCodes.ModelSyntax, 6, 3), (PolicyDiagnosticCodes.InvalidRoleDefinition, 9, 5), (PolicyDiagnosticCodes.UnsupportedEffect, 12, 5)],
            positions);
    }

    [Fact]
    public void Load_names_the_file_in_every_diagnostic()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cfgr-{Guid.NewGuid():N}.conf");
        File.WriteAllText(path, Models.BasicWithEffect("nonsense"));
        try
        {
            var diagnostic = Diagnose.Single(() => PolicyModel.Load(path));

            Assert.Equal((path, 8, 5), (diagnostic.File, diagnostic.Line, diagnostic.Column));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
