using ConfigResolver.Tenancy;

namespace ConfigResolver.Cli.Tenancy;

/// <summary>
/// What <c>cfgr demo</c> creates. The environment defaults only fill in variables the real environment leaves unset,
/// so the demo shows every layer on a bare machine; they are printed as demo defaults, and their secrets are fakes.
/// </summary>
internal static class DemoData
{
    /// <summary>Environment defaults: key, value, whether the value is a secret.</summary>
    public static IReadOnlyList<(string Key, string Value, bool IsSecret)> EnvironmentDefaults { get; } =
    [
        ("LAMB_KB_SERVER", "http://localhost:9090", false),
        ("LAMB_KB_SERVER_TOKEN", "kb-demo-operator-token", true),
        ("OPENAI_API_KEY", "sk-demo-operator-key", true),
        ("OPENAI_MODEL", "gpt-4o-mini", false),
        ("OPENAI_MODELS", "gpt-4o,gpt-4o-mini", false),
    ];

    /// <summary>The system organization's document: operator defaults every organization falls back to.</summary>
    public const string SystemConfig = """
        {
          "version": 1,
          "setups": {
            "default": {
              "providers": { "ollama": { "enabled": true, "models": ["llama3.1"], "default_model": "llama3.1" } },
              "assistant_defaults": { "default_provider": "openai", "system_prompt": "You are a helpful course assistant." }
            }
          },
          "metadata": { "description": "Operator defaults" }
        }
        """;

    /// <summary>The organizations: slug, name, what the demo shows with it, document.</summary>
    public static IReadOnlyList<(string Slug, string Name, string Shows, string Config)> Organizations { get; } =
    [
        ("acme", "Acme Corp", "opts in to the operator's OpenAI and knowledge-base keys", """
            {
              "version": 1,
              "setups": {
                "default": { "providers": { "openai": { "default_model": "gpt-4o" } }, "assistant_defaults": { "default_model": "gpt-4o" } },
                "research": { "inherits": "default", "providers": { "openai": { "default_model": "gpt-4o-mini" } } }
              },
              "inheritance": { "providers": { "openai": { "share_api_key": true } }, "kb_server": { "share_api_key": true } },
              "metadata": { "description": "Acme Corp", "contact_email": "it@acme.example" }
            }
            """),
        ("globex", "Globex", "has its own OpenAI key and knowledge base; Ollama disabled", """
            {
              "version": 1,
              "setups": {
                "default": {
                  "providers": {
                    "openai": { "api_key": "sk-globex-own-key", "models": ["gpt-4o-mini"], "default_model": "gpt-4o-mini" },
                    "ollama": { "enabled": false }
                  },
                  "kb_server": { "url": "https://kb.globex.example", "api_key": "globex-kb-token" }
                }
              },
              "features": { "signup_enabled": true, "signup_key": "join-globex-2026" },
              "metadata": { "description": "Globex" }
            }
            """),
    ];

    /// <summary>The users: email, name, memberships (organization, role) in the order they are set.</summary>
    public static IReadOnlyList<(string Email, string Name, (string Org, MembershipRole Role)[] Memberships)> Users { get; } =
    [
        ("ann@acme.example", "Ann", [("acme", MembershipRole.Owner)]),
        ("bob@acme.example", "Bob", [("acme", MembershipRole.Member)]),
        ("carol@globex.example", "Carol", [("globex", MembershipRole.Owner), ("acme", MembershipRole.Viewer)]),
        ("dave@example.com", "Dave", []),
    ];
}
