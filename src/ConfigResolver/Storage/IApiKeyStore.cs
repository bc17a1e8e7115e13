using System.Collections.Immutable;
using ConfigResolver.Access;

namespace ConfigResolver.Storage;

/// <summary>Reads API keys (never their secrets: a key holds only a hash).</summary>
/// <remarks>Implementations are safe for concurrent use; reads never wait for writes.</remarks>
public interface IApiKeyStore
{
    /// <summary>Gets a key by id.</summary>
    /// <param name="keyId">The id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The key, or null.</returns>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    ValueTask<ApiKey?> GetApiKeyAsync(Guid keyId, CancellationToken cancellationToken = default);

    /// <summary>Finds a key by its prefix: one indexed read, what authentication does on a cache miss.</summary>
    /// <param name="prefix">The prefix.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The key, or null.</returns>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    ValueTask<ApiKey?> FindApiKeyByPrefixAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>Lists an organization's keys, revoked ones included, oldest first (then by id).</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The keys.</returns>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    ValueTask<ImmutableArray<ApiKey>> ListApiKeysAsync(Guid organizationId, CancellationToken cancellationToken = default);

    /// <summary>Lists the keys revoked at or after an instant (of any organization, deleted ones included), oldest revocation first.</summary>
    /// <param name="since">The earliest revocation time included.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The keys.</returns>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    ValueTask<ImmutableArray<ApiKey>> ListApiKeysRevokedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default);
}
