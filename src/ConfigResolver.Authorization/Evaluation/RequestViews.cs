using System.Globalization;
using ConfigResolver.Policy;

namespace ConfigResolver.Authorization.Evaluation;

/// <summary>The <c>principal</c> variable: who asks, their roles in this organization, platform admin, API-key scopes.</summary>
internal sealed class PrincipalView(Principal principal, string? role, string[] roles, bool platformAdmin) : IAttributeSource
{
    private static readonly string[] s_none = [];

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "id" => principal.ApiKeyId ?? principal.UserIdText,
            "type" => principal.IsApiKey ? "api_key" : "user",
            "user_id" => principal.UserIdText ?? string.Empty,
            "api_key" => principal.ApiKeyId ?? string.Empty,
            "role" => role ?? string.Empty,
            "roles" => roles,
            "platform_admin" => platformAdmin,
            "scopes" => principal.IsApiKey ? principal.ScopeArray : s_none,
            _ => null,
        };
        return value is not null;
    }
}

/// <summary>The <c>resource</c> variable: <c>provider/openai</c> is kind <c>provider</c>, id <c>openai</c>.</summary>
internal sealed class ResourceView(string resource, IReadOnlyDictionary<string, object?>? attributes) : IAttributeSource
{
    private static readonly IReadOnlyDictionary<string, object?> s_noAttributes = new Dictionary<string, object?>();

    public bool TryGetAttribute(string name, out object? value)
    {
        var slash = resource.IndexOf('/', StringComparison.Ordinal);
        value = name switch
        {
            "name" => resource,
            "kind" => slash < 0 ? resource : resource[..slash],
            "id" => slash < 0 ? string.Empty : resource[(slash + 1)..],
            "attributes" => attributes ?? s_noAttributes,
            _ => null,
        };
        return value is not null;
    }
}

/// <summary>The <c>context</c> variable: request time (ISO 8601) and client address.</summary>
internal sealed class ContextView(DateTimeOffset time, string? clientIp) : IAttributeSource
{
    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "time" => Format(time),
            "client_ip" => clientIp ?? string.Empty,
            _ => null,
        };
        return value is not null;
    }

    /// <summary>How conditions see the time: ISO 8601, UTC, to the second.</summary>
    public static string Format(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
