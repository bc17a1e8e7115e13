using System.Collections.Immutable;
using ConfigResolver.Authorization;
using ConfigResolver.Resolution;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using ConfigResolver.Validation;

namespace ConfigResolver.Access;

/// <summary>
/// Answers "what may this principal do?" and "who may do this?" by asking <see cref="AuthorizationSnapshot.Check"/>
/// itself, action by action, so the answers agree with every decision exactly: the actions are the policy's declared
/// scopes, the resources are "none" plus every <c>provider/&lt;name&gt;</c> the organization's resolved configuration names.
/// </summary>
/// <remarks>Safe for concurrent use. Each call reads one snapshot, so its answers all come from one policy revision.</remarks>
public sealed class PermissionService
{
    private readonly ITenantStore _store;
    private readonly Func<AuthorizationSnapshot> _authorization;
    private readonly TenantConfigResolver? _resolver;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the service.</summary>
    /// <param name="store">The store (users and keys for <see cref="WhoCanAsync"/>).</param>
    /// <param name="authorization">Returns the snapshot to check against, for example <c>() => service.Current</c>.</param>
    /// <param name="resolver">Resolves an organization's providers (the resources checked); without it only the well-known providers are.</param>
    /// <param name="timeProvider">The clock expired keys are judged by; the system clock when null.</param>
    public PermissionService(ITenantStore store, Func<AuthorizationSnapshot> authorization, TenantConfigResolver? resolver = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(authorization);
        _store = store;
        _authorization = authorization;
        _resolver = resolver;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Lists what a principal may do in an organization: every declared scope <c>Check</c> allows, with its resource and grant.</summary>
    /// <param name="principal">The user or key.</param>
    /// <param name="organization">The organization's slug.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The permissions, in declaration order.</returns>
    /// <exception cref="TenantValidationException">Unknown organization (TEN2005).</exception>
    public async Task<PermissionSet> GetPermissionsAsync(Principal principal, string organization, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var snapshot = _authorization();
        var resources = await ResourcesAsync(organization, cancellationToken).ConfigureAwait(false);
        var allowed = ImmutableArray.CreateBuilder<AllowedAction>();
        foreach (var action in snapshot.Policy.Scopes)
        {
            allowed.AddRange(Evaluate(snapshot, principal, organization, action, resources));
        }

        return new PermissionSet(organization, allowed.ToImmutable());
    }

    /// <summary>Lists every user and API key that <c>Check</c> allows to perform an action in an organization, with why.</summary>
    /// <param name="organization">The organization's slug.</param>
    /// <param name="action">The action.</param>
    /// <param name="resource">The resource, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Users (by email) first, then the organization's keys that are not revoked (by id).</returns>
    /// <exception cref="TenantValidationException">Unknown organization (TEN2005).</exception>
    public async Task<ImmutableArray<PrincipalGrant>> WhoCanAsync(string organization, string action, string? resource = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        var org = await FindAsync(organization, cancellationToken).ConfigureAwait(false);
        var snapshot = _authorization();
        var users = await _store.ListUsersAsync(cancellationToken).ConfigureAwait(false);
        var grants = ImmutableArray.CreateBuilder<PrincipalGrant>();
        foreach (var user in users)
        {
            var decision = snapshot.Check(Principal.ForUser(user.Id), organization, action, resource);
            if (decision.Allowed)
            {
                grants.Add(new PrincipalGrant("user", user.Email, null, Why(decision)));
            }
        }

        var emails = users.ToDictionary(static u => u.Id, static u => u.Email);
        foreach (var key in await _store.ListApiKeysAsync(org.Id, cancellationToken).ConfigureAwait(false))
        {
            if (key.RevokedAt is not null || key.IsExpiredAt(_timeProvider.GetUtcNow()))
            {
                continue;
            }

            var decision = snapshot.Check(ApiKeyPrincipal.For(key), organization, action, resource);
            if (decision.Allowed)
            {
                grants.Add(new PrincipalGrant("apikey", key.ActAsUserId is { } user ? emails.GetValueOrDefault(user) : null, key.Id, Why(decision)));
            }
        }

        return grants.ToImmutable();
    }

    /// <summary>The explanation of an allowed decision as one line: the allow rule, or the grant's reasons.</summary>
    internal static string Why(Decision decision)
    {
        var explanation = decision.Explain();
        if (explanation.Rules.FirstOrDefault(static r => r.Effect == "allow") is { } rule)
        {
            return $"rule '{rule.Package}/{rule.Name}' ({rule.File}:{rule.Line})";
        }

        return string.Join("; ", explanation.Reasons);
    }

    private static IEnumerable<AllowedAction> Evaluate(AuthorizationSnapshot snapshot, Principal principal, string organization, string action, IReadOnlyList<string> resources)
    {
        var bare = snapshot.Check(principal, organization, action);
        var each = resources.Select(r => (Resource: r, Decision: snapshot.Check(principal, organization, action, r))).ToList();
        if (bare.Allowed && each.All(static e => e.Decision.Allowed))
        {
            yield return new AllowedAction(action, "*", Why(bare));
            yield break;
        }

        if (bare.Allowed)
        {
            yield return new AllowedAction(action, null, Why(bare));
        }

        foreach (var (resource, decision) in each.Where(static e => e.Decision.Allowed))
        {
            yield return new AllowedAction(action, resource, Why(decision));
        }
    }

    private async Task<IReadOnlyList<string>> ResourcesAsync(string organization, CancellationToken cancellationToken)
    {
        var org = await FindAsync(organization, cancellationToken).ConfigureAwait(false);
        IEnumerable<string> providers = _resolver is null
            ? ["anthropic", "google", "ollama", "openai"]
            : (await _resolver.ResolveAsync(org.Id, cancellationToken: cancellationToken).ConfigureAwait(false)).Providers.Keys;
        return [.. providers.Order(StringComparer.Ordinal).Select(static p => "provider/" + p)];
    }

    private async Task<Organization> FindAsync(string organization, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return await _store.FindOrganizationBySlugAsync(organization, cancellationToken).ConfigureAwait(false)
            ?? throw new TenantValidationException([TenancyDiagnostics.UnknownOrganization(organization)]);
    }
}
