using ConfigResolver.Access;
using ConfigResolver.Validation;

namespace ConfigResolver.Storage;

/// <summary>
/// Writes API keys. Each call is one transaction that checks its invariants (<see cref="AccessInvariants"/>) inside it,
/// appends the change-log row (<see cref="TenantChangeKind.ApiKeyChanged"/>, so other instances drop the key from their
/// caches) and the audit event; a refused write changes nothing.
/// </summary>
public interface IApiKeyStoreWriter
{
    /// <summary>Adds a key.</summary>
    /// <param name="key">The key, with only the hash of its secret.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the write is committed and published.</returns>
    /// <exception cref="TenantValidationException">Unknown organization (TEN2005) or a duplicate id (TEN2016).</exception>
    /// <exception cref="AccessException">The prefix is taken (ACC5009).</exception>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    Task CreateApiKeyAsync(ApiKey key, CancellationToken cancellationToken = default);

    /// <summary>Gives a key a new secret hash; the old hash is kept until the rotation's grace period ends.</summary>
    /// <param name="rotation">The rotation.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The key as written.</returns>
    /// <exception cref="AccessException">No such key in the organization (ACC5006), or it was revoked (ACC5002).</exception>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    Task<ApiKey> RotateApiKeyAsync(ApiKeyRotation rotation, CancellationToken cancellationToken = default);

    /// <summary>Revokes a key: it stops working on every instance from the next authentication on.</summary>
    /// <param name="organizationId">The key's organization.</param>
    /// <param name="keyId">The key.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The key as written.</returns>
    /// <exception cref="AccessException">No such key in the organization (ACC5006), or it was already revoked (ACC5007).</exception>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    Task<ApiKey> RevokeApiKeyAsync(Guid organizationId, Guid keyId, DateTimeOffset at, CancellationToken cancellationToken = default);
}
