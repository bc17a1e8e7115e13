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

    // FromJsonAsync resolves only references inside the document (no I/O), so waiting on it once is safe.
    private static readonly Lazy<JsonSchema> s_policy = new(() => JsonSchema.FromJsonAsync(s_policyText.Value).GetAwaiter().GetResult());
    private static readonly Lazy<JsonSchema> s_test = new(() => JsonSchema.FromJsonAsync(s_testText.Value).GetAwaiter().GetResult());

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
