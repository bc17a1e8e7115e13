using System.Collections.Immutable;
using ConfigResolver.Auditing;
using ConfigResolver.Authorization;
using ConfigResolver.Diagnostics;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Access;

public sealed partial class ApiKeyService
{
    /// <summary>Who creates a key, as messages show it and as <see cref="ApiKey.CreatedBy"/> records it.</summary>
    private readonly record struct CreatorName(string Shown, string Actor);

    private async Task<CreatorName> DescribeAsync(Principal creator, CancellationToken cancellationToken)
    {
        if (creator.IsApiKey)
        {
            return new CreatorName($"API key '{creator.ApiKeyId}'", "apikey:" + creator.ApiKeyId);
        }

        var user = await _store.GetUserAsync(creator.UserId!.Value, cancellationToken).ConfigureAwait(false);
        return user is null
            ? new CreatorName($"user '{creator.UserId:D}'", $"user:{creator.UserId:D}")
            : new CreatorName($"'{user.Email}'", AuditActor.User(user.Email).Name);
    }

    /// <summary>Each scope must be well formed and match a declared scope; the creator must hold every declared scope it covers.</summary>
    private async Task CheckScopesAsync(string organization, Principal creator, CreatorName creatorName, ImmutableArray<string> requested, ImmutableArray<Diagnostic>.Builder problems, CancellationToken cancellationToken)
    {
        if (requested.IsDefaultOrEmpty || requested.Length > MaxScopes)
        {
            problems.Add(AccessDiagnostics.InvalidApiKeyRequest("/scopes", $"1 to {MaxScopes} scopes", $"{(requested.IsDefault ? 0 : requested.Length)}"));
            return;
        }

        var declared = _authorization().Policy.Scopes;
        PermissionSet? held = null;
        foreach (var scope in requested)
        {
            if (string.IsNullOrWhiteSpace(scope) || scope.Length > MaxScopeLength || scope.Any(char.IsWhiteSpace))
            {
                problems.Add(AccessDiagnostics.InvalidApiKeyRequest("/scopes", $"a scope like 'agents:read' (no spaces, at most {MaxScopeLength} characters)", $"'{scope}'"));
                continue;
            }

            var covered = ScopePatterns.Expand(scope, declared);
            if (covered.Count == 0)
            {
                problems.Add(AccessDiagnostics.UnknownScope(scope));
                continue;
            }

            held ??= await _permissions.GetPermissionsAsync(creator, organization, cancellationToken).ConfigureAwait(false);
            if (covered.FirstOrDefault(action => !held.AllowsAction(action)) is { } missing)
            {
                problems.Add(AccessDiagnostics.ScopeNotHeld(organization, scope, missing, creatorName.Shown));
            }
        }
    }

    /// <summary>A key may act for a member; acting for someone other than the creator needs <c>users:write</c> in the organization.</summary>
    private async Task CheckActAsAsync(Organization organization, Principal creator, Guid actAsUser, ImmutableArray<Diagnostic>.Builder problems, CancellationToken cancellationToken)
    {
        var user = await _store.GetUserAsync(actAsUser, cancellationToken).ConfigureAwait(false);
        var shown = user?.Email ?? actAsUser.ToString("D");
        if (user is null || await _store.GetMembershipAsync(organization.Id, actAsUser, cancellationToken).ConfigureAwait(false) is null)
        {
            problems.Add(AccessDiagnostics.ActAsUserNotAllowed(organization.Slug, shown, $"they are not a member of '{organization.Slug}'"));
            return;
        }

        if (creator.UserId != actAsUser && !_authorization().Check(creator, organization.Slug, "users:write").Allowed)
        {
            problems.Add(AccessDiagnostics.ActAsUserNotAllowed(organization.Slug, shown, "acting for another member needs 'users:write'"));
        }
    }
}
