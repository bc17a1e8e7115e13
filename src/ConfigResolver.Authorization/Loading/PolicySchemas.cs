using ConfigResolver.Validation;
using NJsonSchema;

namespace ConfigResolver.Authorization.Loading;

/// <summary>The policy and policy-test JSON Schemas, embedded from <c>schemas/</c>.</summary>
public static class PolicySchemas
{
    /// <summary>Manifest resource name of <c>schemas/policy.schema.json</c>.</summary>
    public const string PolicyResourceName = "ConfigResolver.Schemas.policy.schema.json";

    /// <summary>Manifest resource name of <c>schemas/policy-test.schema.json</c>.</summary>
    public const string PolicyTestResourceName = "ConfigResolver.Schemas.policy-test.schema.json";

    private static readonly Lazy<string> s_policyText = new(() => Read(PolicyResourceName));
    private static readonly Lazy<string> s_testText = new(() => Read(PolicyTestResourceName));

    // References resolve inside the documents or to another embedded schema (no I/O), so waiting once is safe.
    private static readonly Lazy<Dictionary<string, string>> s_all = new(() => new(StringComparer.Ordinal)
    {
        ["policy.schema.json"] = s_policyText.Value,
        ["policy-test.schema.json"] = s_testText.Value,
        ["org-config.schema.json"] = OrgConfigSchema.Text,
    });

    private static readonly Lazy<JsonSchema> s_policy = new(() => EmbeddedSchemaResolver.Parse("policy.schema.json", s_policyText.Value, s_all.Value));
    private static readonly Lazy<JsonSchema> s_test = new(() => EmbeddedSchemaResolver.Parse("policy-test.schema.json", s_testText.Value, s_all.Value));

    /// <summary>Gets the text of the policy schema (kinds <c>Roles</c> and <c>Rules</c>).</summary>
    public static string PolicyText => s_policyText.Value;

    /// <summary>Gets the text of the policy-test schema (kind <c>PolicyTest</c>).</summary>
    public static string PolicyTestText => s_testText.Value;

    internal static JsonSchema Roles => s_policy.Value.Definitions["roles"];

    internal static JsonSchema Rules => s_policy.Value.Definitions["rules"];

    internal static JsonSchema PolicyTest => s_test.Value;

    private static string Read(string name)
    {
        using var stream = typeof(PolicySchemas).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource '{name}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
