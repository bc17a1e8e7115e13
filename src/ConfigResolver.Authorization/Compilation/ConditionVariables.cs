using System.Collections.Immutable;
using ConfigResolver.Policy.Conditions;

namespace ConfigResolver.Authorization.Compilation;

/// <summary>
/// The names rule conditions and reason templates read, in the order values are passed, with their field shapes so
/// that <c>org.stauts</c> or <c>config.providers.openai.api_key</c> is rejected at compile time. <c>config</c> is the
/// organization's resolved view without secrets: a secret is visible only as <c>api_key_set</c>.
/// </summary>
/// <remarks>
/// After the six variables come their scalar fields as variables of their own (<c>org.status</c>, <c>resource.id</c>):
/// the condition compiler reads such a field straight from its slot, so a check passes a status or a resource id as a
/// value instead of building an object per request to read it from. A condition that uses a variable as a whole
/// (<c>lookup(principal, 'role')</c>) still gets the object.
/// </remarks>
internal static class ConditionVariables
{
    public const int Principal = 0;
    public const int Org = 1;
    public const int Action = 2;
    public const int Resource = 3;
    public const int Context = 4;
    public const int Config = 5;
    public const int BaseCount = 6;

    public const int PrincipalId = 6;
    public const int PrincipalType = 7;
    public const int PrincipalUserId = 8;
    public const int PrincipalApiKey = 9;
    public const int PrincipalRole = 10;
    public const int PrincipalRoles = 11;
    public const int PrincipalPlatformAdmin = 12;
    public const int PrincipalScopes = 13;
    public const int OrgId = 14;
    public const int OrgSlug = 15;
    public const int OrgStatus = 16;
    public const int OrgPlan = 17;
    public const int OrgIsSystem = 18;
    public const int ResourceName = 19;
    public const int ResourceKind = 20;
    public const int ResourceId = 21;
    public const int ResourceAttributes = 22;
    public const int ContextTime = 23;
    public const int ContextClientIp = 24;
    public const int Count = 25;

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

    /// <summary>The six variables as admins write them, in slot order.</summary>
    public static ImmutableArray<ConditionVariable> Base { get; } =
    [
        new("principal", PrincipalShape),
        new("org", OrgShape),
        new("action", s),
        new("resource", ResourceShape),
        new("context", ContextShape),
        new("config", ConfigShape),
    ];

    /// <summary>Every slot: the six variables, then their scalar fields (in the order of the constants above).</summary>
    public static ImmutableArray<ConditionVariable> All { get; } =
    [
        .. Base,
        new("principal.id", s), new("principal.type", s), new("principal.user_id", s), new("principal.api_key", s),
        new("principal.role", s), new("principal.roles", s), new("principal.platform_admin", s), new("principal.scopes", s),
        new("org.id", s), new("org.slug", s), new("org.status", s), new("org.plan", s), new("org.is_system", s),
        new("resource.name", s), new("resource.kind", s), new("resource.id", s), new("resource.attributes", FieldShape.Anything),
        new("context.time", s), new("context.client_ip", s),
    ];

    /// <summary>The slot of one of the six variables, or -1.</summary>
    public static int IndexOf(string name) => Base.IndexOf(Base.FirstOrDefault(v => v.Name == name)!);

    private static FieldShape Fields(params (string Name, FieldShape Shape)[] fields) =>
        FieldShape.WithFields(fields.ToDictionary(static f => f.Name, static f => f.Shape, StringComparer.Ordinal));
}
