using System.Collections.Immutable;
using ConfigResolver.Auditing;
using ConfigResolver.Authorization;
using ConfigResolver.Diagnostics;
using ConfigResolver.Resolution;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using ConfigResolver.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConfigResolver.Access;

/// <summary>
/// Issues, lists, rotates and revokes API keys. A key's secret is generated here (260 random bits from the CSPRNG), shown
/// once, and stored only as a hash; a creator can grant only scopes they hold, checked with <c>Check</c>.
/// </summary>
/// <remarks>
/// Safe for concurrent use. Every write goes through the store in one transaction with its audit event, attributed to
/// <see cref="AuditActor.Current"/>. Revocation and rotation reach every instance's authenticator through the change feed.
/// </remarks>
public sealed partial class ApiKeyService
{
    private const int MaxScopes = 64;
    private const int MaxScopeLength = 100;

    private readonly ITenantStore _store;
    private readonly Func<AuthorizationSnapshot> _authorization;
    private readonly AccessOptions _options;
    private readonly AccessSecrets _secrets;
    private readonly PermissionService _permissions;
    private readonly ILogger _logger;

    /// <summary>Creates the service.</summary>
    /// <param name="store">The store.</param>
    /// <param name="authorization">Returns the snapshot creators' scopes are checked against, for example <c>() => service.Current</c>.</param>
    /// <param name="options">Hashing pepper, grace period, clock, random source; defaults when null.</param>
    /// <param name="resolver">Resolves organizations' providers, the resources a scope may be held on (see <see cref="PermissionService"/>).</param>
    /// <param name="logger">Logs created, rotated and revoked keys by id and prefix (never a secret).</param>
    public ApiKeyService(ITenantStore store, Func<AuthorizationSnapshot> authorization, AccessOptions? options = null, TenantConfigResolver? resolver = null, ILogger<ApiKeyService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(authorization);
        _store = store;
        _authorization = authorization;
        _options = options ?? new AccessOptions();
        _secrets = new AccessSecrets(_options);
        _permissions = new PermissionService(store, authorization, resolver, _options.TimeProvider);
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>
    /// Creates a key. Every requested scope must match a declared scope, and the creator must hold (per <c>Check</c>) every
    /// declared scope it covers; a key acting for a user is limited to what that user may do as well.
    /// </summary>
    /// <param name="organization">The organization's slug.</param>
    /// <param name="creator">Who creates it: a user, or a key (which can then only pass on its own scopes).</param>
    /// <param name="name">A display name.</param>
    /// <param name="scopes">Scopes or patterns (<c>agents:read</c>, <c>agents:*</c>).</param>
    /// <param name="expiresAt">When it stops working, or null for never.</param>
    /// <param name="actAsUser">The user the key acts for (a member; someone else than the creator needs <c>users:write</c>), or null.</param>
    /// <param name="team">The team of the organization the key is bound to (checked in the store's write transaction), or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key and its secret, shown once.</returns>
    /// <exception cref="TenantValidationException">Unknown organization (TEN2005).</exception>
    /// <exception cref="AccessException">A scope unknown (ACC5005) or not held (ACC5004), a bad name or scope list (ACC5009), an expiry in the past (ACC5008), an act-as user not allowed (ACC5010); every problem is listed.</exception>
    public async Task<CreatedApiKey> CreateApiKeyAsync(
        string organization, Principal creator, string name, IEnumerable<string> scopes, DateTimeOffset? expiresAt = null, Guid? actAsUser = null, string? team = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(creator);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(scopes);
        var org = await FindOrganizationAsync(organization, cancellationToken).ConfigureAwait(false);
        var requested = scopes.ToImmutableArray();
        var now = _options.TimeProvider.GetUtcNow();
        var creatorName = await DescribeAsync(creator, cancellationToken).ConfigureAwait(false);
        var problems = ImmutableArray.CreateBuilder<Diagnostic>();
        if (!TenancyRules.IsValidName(name))
        {
            problems.Add(AccessDiagnostics.InvalidApiKeyRequest("/name", "a name of 1 to 200 characters, not blank", $"'{name}'"));
        }

        if (expiresAt is { } expiry && expiry <= now)
        {
            problems.Add(AccessDiagnostics.InvalidExpiry(AccessDiagnostics.KeySubject(), "/expires_at", $"a time after now ({AccessDiagnostics.Time(now)})", $"'{AccessDiagnostics.Time(expiry)}'"));
        }

        await CheckScopesAsync(org.Slug, creator, creatorName, requested, problems, cancellationToken).ConfigureAwait(false);
        if (actAsUser is { } user)
        {
            await CheckActAsAsync(org, creator, user, problems, cancellationToken).ConfigureAwait(false);
        }

        if (problems.Count > 0)
        {
            throw new AccessException(problems.ToImmutable());
        }

        var (prefix, secret, text) = _secrets.NewKey();
        var key = new ApiKey
        {
            Id = _secrets.NewId(),
            OrganizationId = org.Id,
            OrganizationSlug = org.Slug,
            Name = name,
            Prefix = prefix,
            SecretHash = Convert.ToHexStringLower(_secrets.HashSecret(secret)),
            Scopes = requested,
            ActAsUserId = actAsUser,
            Team = team,
            CreatedBy = creatorName.Actor,
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
        await _store.CreateApiKeyAsync(key, cancellationToken).ConfigureAwait(false);
        LogKeyWritten(_logger, key.Id, key.Prefix, "created", key.OrganizationSlug);
        return new CreatedApiKey(key, new Configuration.Secret(text));
    }

    /// <summary>Lists an organization's keys (revoked ones included, so callers can show them), oldest first; never a secret.</summary>
    /// <param name="organization">The organization's slug.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The keys.</returns>
    /// <exception cref="TenantValidationException">Unknown organization (TEN2005).</exception>
    public async Task<ImmutableArray<ApiKey>> ListApiKeysAsync(string organization, CancellationToken cancellationToken = default)
    {
        var org = await FindOrganizationAsync(organization, cancellationToken).ConfigureAwait(false);
        return await _store.ListApiKeysAsync(org.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Revokes a key: every instance refuses it from its next authentication on, and tokens issued from it too.</summary>
    /// <param name="organization">The organization's slug.</param>
    /// <param name="keyId">The key's id as text.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key as revoked.</returns>
    /// <exception cref="TenantValidationException">Unknown organization (TEN2005).</exception>
    /// <exception cref="AccessException">No such key in the organization (ACC5006) or already revoked (ACC5007).</exception>
    public async Task<ApiKey> RevokeApiKeyAsync(string organization, string keyId, CancellationToken cancellationToken = default)
    {
        var org = await FindOrganizationAsync(organization, cancellationToken).ConfigureAwait(false);
        var revoked = await _store.RevokeApiKeyAsync(org.Id, ParseId(org.Slug, keyId), _options.TimeProvider.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        LogKeyWritten(_logger, revoked.Id, revoked.Prefix, "revoked", revoked.OrganizationSlug);
        return revoked;
    }

    /// <summary>
    /// Gives a key a new secret (same id, prefix and scopes). The old secret stops at once, or after the grace period
    /// (<paramref name="gracePeriod"/>, else <see cref="AccessOptions.RotationGracePeriod"/>).
    /// </summary>
    /// <param name="organization">The organization's slug.</param>
    /// <param name="keyId">The key's id as text.</param>
    /// <param name="gracePeriod">How long the old secret keeps working; the configured default when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key and its new secret, shown once.</returns>
    /// <exception cref="TenantValidationException">Unknown organization (TEN2005).</exception>
    /// <exception cref="AccessException">No such key (ACC5006), revoked (ACC5002), or a negative grace period (ACC5008).</exception>
    public async Task<CreatedApiKey> RotateApiKeyAsync(string organization, string keyId, TimeSpan? gracePeriod = null, CancellationToken cancellationToken = default)
    {
        var org = await FindOrganizationAsync(organization, cancellationToken).ConfigureAwait(false);
        var id = ParseId(org.Slug, keyId);
        var grace = gracePeriod ?? _options.RotationGracePeriod;
        if (grace < TimeSpan.Zero)
        {
            throw new AccessException(AccessDiagnostics.InvalidExpiry(AccessDiagnostics.KeySubject(id), "/grace_period", "a grace period of zero or more", $"'{grace}'"));
        }

        var existing = await _store.GetApiKeyAsync(id, cancellationToken).ConfigureAwait(false);
        AccessInvariants.ThrowIfAny(AccessInvariants.CheckChangeApiKey(existing, org.Id, org.Slug, id, revoking: false));
        var (_, secret, text) = _secrets.NewKey(existing!.Prefix);
        var now = _options.TimeProvider.GetUtcNow();
        var rotation = new ApiKeyRotation(org.Id, id, Convert.ToHexStringLower(_secrets.HashSecret(secret)), now)
        {
            PreviousValidUntil = grace > TimeSpan.Zero ? now + grace : null,
        };
        var rotated = await _store.RotateApiKeyAsync(rotation, cancellationToken).ConfigureAwait(false);
        LogKeyWritten(_logger, rotated.Id, rotated.Prefix, "rotated", rotated.OrganizationSlug);
        return new CreatedApiKey(rotated, new Configuration.Secret(text));
    }

    private async Task<Organization> FindOrganizationAsync(string organization, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return await _store.FindOrganizationBySlugAsync(organization, cancellationToken).ConfigureAwait(false)
            ?? throw new TenantValidationException([TenancyDiagnostics.UnknownOrganization(organization)]);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "API key {KeyId} ({Prefix}) {Action} in '{Organization}'.")]
    private static partial void LogKeyWritten(ILogger logger, Guid keyId, string prefix, string action, string organization);

    private static Guid ParseId(string organization, string keyId)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        return Guid.TryParse(keyId, out var id) ? id : throw new AccessException(AccessDiagnostics.UnknownApiKey(organization, keyId));
    }
}
