using System.Collections.Immutable;
using ConfigResolver.Import;

namespace ConfigResolver.Tests.Import;

/// <summary>Small LAMB exports, built row by row like LAMB's tables.</summary>
public sealed class LambExports
{
    /// <summary>LAMB's system organization as LAMB writes it from its environment: the operator's OpenAI key.</summary>
    public const string SystemConfig = """
        {"version":"1.0","setups":{"default":{"name":"Default Setup","is_default":true,
          "providers":{"openai":{"api_key":"sk-operator","base_url":"https://api.openai.com/v1","models":["gpt-4o","gpt-4o-mini"],"default_model":"gpt-4o-mini"}},
          "knowledge_base":{"server_url":"http://kb:9090","api_token":"kb-operator"}}},
         "features":{"signup_enabled":false,"rag_enabled":true,"mcp_enabled":true,"lti_publishing":true},
         "limits":{"usage":{"tokens_per_month":-1,"max_assistants":-1,"storage_gb":-1}}}
        """;

    private readonly List<LambOrganizationRow> _organizations = [];
    private readonly List<LambUserRow> _users = [];
    private readonly List<LambRoleRow> _roles = [];

    public LambExports Organization(long id, string slug, string? config, bool isSystem = false, string? status = "active", string? name = null)
    {
        _organizations.Add(new LambOrganizationRow(id, slug, name ?? slug.ToUpperInvariant(), isSystem, status, config, config?.Length ?? 0));
        return this;
    }

    public LambExports User(long id, string? email, long? organization, string? name = "User")
    {
        _users.Add(new LambUserRow(id, email, name, organization));
        return this;
    }

    public LambExports Role(long organization, long user, string? role)
    {
        _roles.Add(new LambRoleRow(organization, user, role));
        return this;
    }

    public LambExport Build() => new([.. _organizations], [.. _users], [.. _roles]);

    /// <summary>
    /// The system organization (1, <c>lamb</c>), <c>engineering</c> (2, LAMB's example document, with the operator's
    /// key copied in), <c>physics</c> (3, a document with an invalid URL); admin 1 in lamb, ann owner and bob member of
    /// engineering, carol admin of physics.
    /// </summary>
    public static LambExports Typical(string engineering) => new LambExports()
        .Organization(1, "lamb", SystemConfig, isSystem: true, name: "LAMB System Organization")
        .Organization(2, "engineering", engineering)
        .Organization(3, "physics", """{"version":"1.0","kb_server":{"url":"http://"}}""")
        .User(1, "admin@lamb.edu", 1)
        .User(2, "ann@engineering.edu", 2)
        .User(3, "bob@engineering.edu", 2)
        .User(4, "carol@physics.edu", 3)
        .Role(1, 1, "admin")
        .Role(2, 2, "owner")
        .Role(3, 4, "admin");

    public static string[] Outcomes(ImmutableArray<LambImportResult> results) =>
        [.. results.Select(static r => $"{r.Subject}: {r.Outcome}" + (r.Reason is null ? string.Empty : $" ({r.Reason})"))];
}
