using System.Collections.Immutable;
using ConfigResolver.Authorization.Compilation;

namespace ConfigResolver.Authorization;

/// <summary>
/// Who is asking: a user, or an API key. A key belongs to one organization and carries scopes (patterns such as
/// <c>agents:*</c>); it may act for a user. Scopes are a ceiling: a key is denied every action its scopes do not
/// cover, whatever the roles and rules say; within that ceiling a key acting for a user has exactly that user's
/// access, and a key without a user is granted what its scopes cover.
/// </summary>
/// <remarks>
/// Immutable and cheap to reuse: create one per user or key (for example per session) and pass it to every check;
/// <see cref="Key"/>, the decision cache's key, is computed once here.
/// </remarks>
public sealed class Principal
{
    private readonly SelectorGlob[] _scopes;

    private Principal(Guid? userId, string? apiKeyId, string? apiKeyOrganization, ImmutableArray<string> scopes)
    {
        UserId = userId;
        ApiKeyId = apiKeyId;
        ApiKeyOrganization = apiKeyOrganization;
        Scopes = scopes;
        _scopes = [.. scopes.Select(static s => new SelectorGlob(s))];
        ScopeArray = [.. scopes];
        UserIdText = userId?.ToString("D");
        Subject = UserIdText is null ? null : "user:" + UserIdText;
        Key = apiKeyId is null
            ? Subject!
            : $"key:{apiKeyOrganization}/{apiKeyId}#{string.Join(',', scopes.Order(StringComparer.Ordinal))}@{Subject}";
    }

    /// <summary>The user, or the user an API key acts for; null for a key without a user.</summary>
    public Guid? UserId { get; }

    /// <summary>The API key's id, or null for a user.</summary>
    public string? ApiKeyId { get; }

    /// <summary>The organization an API key belongs to, or null for a user.</summary>
    public string? ApiKeyOrganization { get; }

    /// <summary>An API key's scopes as given; empty for a user.</summary>
    public ImmutableArray<string> Scopes { get; }

    /// <summary>Whether this is an API key.</summary>
    public bool IsApiKey => ApiKeyId is not null;

    /// <summary>A string that identifies the principal and everything about it a decision depends on (cache key).</summary>
    public string Key { get; }

    /// <summary>The engine subject of the user (<c>user:&lt;id&gt;</c>), or null.</summary>
    internal string? Subject { get; }

    /// <summary>The user's id as conditions read it (<c>principal.user_id</c>), or null; formatted once, here.</summary>
    internal string? UserIdText { get; }

    /// <summary><see cref="Scopes"/> as the array conditions read (<c>principal.scopes</c>), shared by every check.</summary>
    internal string[] ScopeArray { get; }

    /// <summary>A user.</summary>
    /// <param name="userId">The user's id.</param>
    /// <returns>The principal.</returns>
    public static Principal ForUser(Guid userId) => new(userId, null, null, []);

    /// <summary>An API key of one organization, with its scopes, optionally acting for a user.</summary>
    /// <param name="keyId">The key's id (never its secret).</param>
    /// <param name="organization">The slug of the organization the key belongs to.</param>
    /// <param name="scopes">Scopes or scope patterns (<c>agents:read</c>, <c>agents:*</c>, <c>*:read</c>).</param>
    /// <param name="userId">The user the key acts for, or null.</param>
    /// <returns>The principal.</returns>
    public static Principal ForApiKey(string keyId, string organization, IEnumerable<string> scopes, Guid? userId = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        ArgumentException.ThrowIfNullOrEmpty(organization);
        ArgumentNullException.ThrowIfNull(scopes);
        return new(userId, keyId, organization, [.. scopes]);
    }

    /// <summary>Whether an API key's scopes cover the action (always true for a user).</summary>
    internal bool Covers(string action)
    {
        if (ApiKeyId is null)
        {
            return true;
        }

        foreach (var scope in _scopes)
        {
            if (scope.Matches(action))
            {
                return true;
            }
        }

        return false;
    }

    internal static string UserSubject(Guid userId) => "user:" + userId.ToString("D");

    /// <inheritdoc/>
    public override string ToString() => ApiKeyId is null ? Subject! : $"API key '{ApiKeyId}' of '{ApiKeyOrganization}'" + (Subject is null ? string.Empty : $" acting for {Subject}");
}
