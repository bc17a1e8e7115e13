using System.Collections.Immutable;
using ConfigResolver.Access;
using ConfigResolver.Storage;
using ConfigResolver.Diagnostics;
using ConfigResolver.Validation;

namespace ConfigResolver.Authorization.Impact;

/// <summary>
/// Who an impact analysis asks about: in every organization (or one), every member, every platform administrator
/// (they act as admins everywhere, so a change to a role reaches them too) and every API key that is neither revoked
/// nor expired (its scopes stay its ceiling, exactly as in <see cref="AuthorizationSnapshot.Check"/>).
/// </summary>
/// <remarks>Immutable.</remarks>
public sealed class ImpactPopulation
{
    private ImpactPopulation(ImmutableArray<ImpactOrganization> organizations) => Organizations = organizations;

    /// <summary>The organizations, by slug.</summary>
    public ImmutableArray<ImpactOrganization> Organizations { get; }

    /// <summary>Number of principals over every organization.</summary>
    public int PrincipalCount => Organizations.Sum(static o => o.Principals.Length);

    /// <summary>Builds the population from facts, user names and keys.</summary>
    /// <param name="facts">The organizations and memberships.</param>
    /// <param name="userName">The name to show for a user (an email); the id when it returns null.</param>
    /// <param name="apiKeys">Keys to include; revoked keys and keys expired at <paramref name="now"/> are left out.</param>
    /// <param name="now">The instant keys' expiry is judged at.</param>
    /// <param name="organization">Only this organization, or every one when null.</param>
    /// <returns>The population.</returns>
    /// <exception cref="TenantValidationException">The organization does not exist (TEN2005).</exception>
    public static ImpactPopulation Create(TenantFacts facts, Func<Guid, string?> userName, IEnumerable<ApiKey> apiKeys, DateTimeOffset now, string? organization = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(apiKeys);
        if (organization is not null && !facts.TryGet(organization, out _))
        {
            throw new TenantValidationException([new Diagnostic(DiagnosticCodes.UnknownOrganization, $"unknown organization '{organization}'.") { Where = $"org '{organization}'", Actual = $"'{organization}'" }]);
        }

        var keys = apiKeys.Where(k => !k.IsRevoked && !k.IsExpiredAt(now)).ToLookup(static k => k.OrganizationSlug, StringComparer.Ordinal);
        string Name(Guid id) => userName(id) ?? id.ToString("D");
        var organizations = facts.Organizations
            .Where(o => organization is null || o.Slug == organization)
            .OrderBy(static o => o.Slug, StringComparer.Ordinal)
            .Select(o => new ImpactOrganization(o.Slug, [
                .. o.Members.Select(static m => m.Key).Union(facts.PlatformAdmins)
                    .Select(id => new ImpactPrincipal(Name(id), Principal.ForUser(id)))
                    .OrderBy(static p => p.Name, StringComparer.Ordinal),
                .. keys[o.Slug].OrderBy(static k => k.Id)
                    .Select(static k => new ImpactPrincipal("apikey:" + k.Id.ToString("D"), Principal.ForApiKey(k.Id.ToString("D"), k.OrganizationSlug, k.Scopes, k.ActAsUserId))),
            ]));
        return new ImpactPopulation([.. organizations]);
    }

    /// <summary>Reads users and API keys from a store and builds the population over the given facts.</summary>
    /// <param name="store">The store (users and keys).</param>
    /// <param name="facts">The organizations and memberships, read from the same store.</param>
    /// <param name="now">The instant keys' expiry is judged at.</param>
    /// <param name="organization">Only this organization, or every one when null.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The population.</returns>
    /// <exception cref="TenantValidationException">The organization does not exist (TEN2005).</exception>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    public static async Task<ImpactPopulation> LoadAsync(ITenantStore store, TenantFacts facts, DateTimeOffset now, string? organization = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(facts);
        var users = (await store.ListUsersAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(static u => u.Id, static u => u.Email);
        var keys = new List<ApiKey>();
        foreach (var org in facts.Organizations.Where(o => organization is null || o.Slug == organization))
        {
            keys.AddRange(await store.ListApiKeysAsync(org.Organization.Id, cancellationToken).ConfigureAwait(false));
        }

        return Create(facts, users.GetValueOrDefault, keys, now, organization);
    }
}
