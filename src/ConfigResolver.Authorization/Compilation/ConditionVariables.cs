using System.Collections.Immutable;
using ConfigResolver.Policy.Conditions;

namespace ConfigResolver.Authorization.Compilation;

/// <summary>
/// The names rule conditions and reason templates read, in the order values are passed, with their field shapes so
/// that <c>org.stauts</c> or <c>config.providers.openai.api_key</c> is rejected at compile time. <c>config</c> is the
/// organization's resolved view without secrets: a secret is visible only as <c>api_key_set</c>.
/// </summary>
internal static class ConditionVariables
{
    public const int Principal = 0;
    public const int Org = 1;
    public const int Action = 2;
    public const int Resource = 3;
    public const int Context = 4;
    public const int Config = 5;
    public const int Count = 6;

    private static readonly FieldShape s = FieldShape.Scalar;

    public static FieldShape PrincipalShape { get; } = Fields(
        ("id", s), ("type", s), ("user_id", s), ("api_key", s), ("role", s), ("roles", s), ("platform_admin", s), ("scopes", s));

    public static FieldShape OrgShape { get; } = Fields(("id", s), ("slug", s), ("status", s), ("plan", s), ("is_system", s));

    public static FieldShape ResourceShape { get; } = Fields(("name", s), ("kind", s), ("id", s), ("attributes", FieldShape.Anything));

    public static FieldShape ContextShape { get; } = Fields(("time", s), ("client_ip", s));

    public static FieldShape ProviderShape { get; } = Fields(("enabled", s), ("state", s), ("base_url", s), ("default_model", s), ("models", s), ("api_key_set", s));

    public static FieldShape ConfigShape { get; } = Fields(
        ("providers", FieldShape.WithFields(new Dictionary<string, FieldShape>(), ProviderShape)),
        ("kb_server", Fields(("url", s), ("api_key_set", s))),
        ("assistant_defaults", Fields(("prompt_template", s), ("system_prompt", s), ("default_provider", s), ("default_model", s), ("small_fast_model", s))),
        ("features", Fields(("signup_enabled", s))),
        ("metadata", Fields(("description", s), ("contact_email", s))));

    public static ImmutableArray<ConditionVariable> All { get; } =
    [
        new("principal", PrincipalShape),
        new("org", OrgShape),
        new("action", s),
        new("resource", ResourceShape),
        new("context", ContextShape),
        new("config", ConfigShape),
    ];

    public static int IndexOf(string name) => All.IndexOf(All.FirstOrDefault(v => v.Name == name)!);

    private static FieldShape Fields(params (string Name, FieldShape Shape)[] fields) =>
        FieldShape.WithFields(fields.ToDictionary(static f => f.Name, static f => f.Shape, StringComparer.Ordinal));
}
