using ConfigResolver.Diagnostics;
using ConfigResolver.Policy.Conditions;
using ConfigResolver.Policy.Diagnostics;

namespace ConfigResolver.Policy.Tests.Conditions;

public sealed class ConditionCompilerTests
{
    private static readonly FieldShape s_org = FieldShape.WithFields(new Dictionary<string, FieldShape>
    {
        ["slug"] = FieldShape.Scalar,
        ["status"] = FieldShape.Scalar,
        ["plan"] = FieldShape.Scalar,
    });

    private static readonly FieldShape s_principal = FieldShape.WithFields(new Dictionary<string, FieldShape>
    {
        ["id"] = FieldShape.Scalar,
        ["roles"] = FieldShape.Scalar,
        ["platform_admin"] = FieldShape.Scalar,
    });

    private static readonly ConditionCompiler s_compiler = new(
    [
        new ConditionVariable("principal", s_principal),
        new ConditionVariable("org", s_org),
        new ConditionVariable("action", FieldShape.Scalar),
        new ConditionVariable("config", FieldShape.Anything),
    ]);

    private static readonly object?[] s_values =
    [
        new Principal("u1", ["member", "viewer"], PlatformAdmin: false),
        new Dictionary<string, object?> { ["slug"] = "acme", ["status"] = "suspended", ["plan"] = "pro" },
        "agents:write",
        new Dictionary<string, object?>
        {
            ["providers"] = new Dictionary<string, object?> { ["openai"] = new Dictionary<string, object?> { ["enabled"] = true } },
        },
    ];

    public static TheoryData<string, bool> Conditions() => new()
    {
        { "org.status == 'suspended'", true },
        { "org.status == 'active' || org.plan == 'pro'", true },
        { "!endsWith(action, ':read')", true },
        { "startsWith(action, 'billing:')", false },
        { "'member' in principal.roles", true },
        { "'admin' in principal.roles", false },
        { "principal.platform_admin", false },
        { "lookup(config, 'providers', 'openai', 'enabled') == true", true },
        { "lookup(config, 'providers', 'ollama', 'enabled') == true", false },
        { "contains(action, 'write')", true },
        { "globMatch(action, 'agents:*')", true },
        { "keyMatch(action, 'agents*') && org.slug == 'acme'", true },
    };

    [Theory]
    [MemberData(nameof(Conditions))]
    public void Condition_evaluates_over_dictionaries_and_attribute_sources(string text, bool expected)
    {
        var diagnostics = new List<Diagnostic>();
        var condition = s_compiler.Compile(text, "rules.yaml", 3, 7, diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal(expected, condition!.Evaluate(s_values));
    }

    public static TheoryData<string, string, int> Errors() => new()
    {
        { "org.stauts == 'x'", PolicyDiagnosticCodes.UnknownField, 7 + 4 },
        { "principal.id.length == 1", PolicyDiagnosticCodes.UnknownField, 7 + 13 },
        { "tenant.slug == 'x'", PolicyDiagnosticCodes.UnknownToken, 7 },
        { "org.slug == 'x' && nope(action)", PolicyDiagnosticCodes.UnknownFunction, 7 + 19 },
        { "org.slug ==", PolicyDiagnosticCodes.MatcherSyntax, 7 + 11 },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Condition_with_a_mistake_is_reported_at_its_column(string text, string code, int column)
    {
        var diagnostics = new List<Diagnostic>();

        Assert.Null(s_compiler.Compile(text, "rules.yaml", 3, 7, diagnostics));
        var d = Assert.Single(diagnostics);
        Assert.Equal((code, "rules.yaml", 3, column), (d.Code, d.File, d.Line, d.Column));
    }

    [Fact]
    public void Unknown_field_lists_the_fields_that_exist()
    {
        var diagnostics = new List<Diagnostic>();
        s_compiler.Compile("org.stauts == 'x'", "rules.yaml", 1, 1, diagnostics);

        Assert.Contains("'plan', 'slug', 'status'", Assert.Single(diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Condition_reports_which_variables_it_reads_and_whether_it_reads_the_clock()
    {
        var diagnostics = new List<Diagnostic>();
        var plain = s_compiler.Compile("org.status == 'trial' && action == 'billing:read'", null, 1, 1, diagnostics)!;
        var timed = s_compiler.Compile("timeMatch('2000-01-01 00:00:00', '_')", null, 1, 1, diagnostics)!;

        Assert.Empty(diagnostics);
        Assert.True(plain.Reads("org") && plain.Reads("action") && !plain.Reads("principal") && !plain.Reads("config"));
        Assert.True(plain.IsDeterministic);
        Assert.False(timed.IsDeterministic);
    }

    [Fact]
    public void Condition_that_is_not_a_boolean_fails_when_evaluated()
    {
        var diagnostics = new List<Diagnostic>();
        var condition = s_compiler.Compile("org.slug", null, 1, 1, diagnostics)!;

        Assert.Throws<PolicyEvaluationException>(() => condition.Evaluate(s_values));
    }

    private sealed record Principal(string Id, string[] Roles, bool PlatformAdmin) : IAttributeSource
    {
        public bool TryGetAttribute(string name, out object? value)
        {
            value = name switch
            {
                "id" => Id,
                "roles" => Roles,
                "platform_admin" => PlatformAdmin,
                _ => null,
            };
            return name is "id" or "roles" or "platform_admin";
        }
    }
}
