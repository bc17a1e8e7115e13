using ConfigResolver.Authorization;

namespace ConfigResolver.Access;

/// <summary>The principal a stored key acts as: its id (never its secret), its organization, its scopes and its user.</summary>
internal static class ApiKeyPrincipal
{
    public static Principal For(ApiKey key) =>
        Principal.ForApiKey(key.Id.ToString("D"), key.OrganizationSlug, key.Scopes, key.ActAsUserId) is var principal && key.Team is { } team
            ? principal.WithTeam(team)
            : principal;
}
