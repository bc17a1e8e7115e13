using ConfigResolver.Resolution;

namespace ConfigResolver.Hosting;

/// <summary>
/// Resolves an organization's configuration: what a request handler needs from <see cref="TenantConfigResolver"/>,
/// small enough to mock or decorate.
/// </summary>
/// <remarks>Safe for concurrent use; a cached answer completes synchronously and reads never wait for a write.</remarks>
public interface ITenantConfigResolver
{
    /// <summary>Resolves an organization's configuration for one setup.</summary>
    /// <param name="organizationSlug">The organization's slug.</param>
    /// <param name="setup">The setup; <c>default</c> when null.</param>
    /// <param name="cancellationToken">Cancels a read that misses the cache.</param>
    /// <returns>The immutable resolved snapshot, with provenance.</returns>
    /// <exception cref="Diagnostics.ConfigResolverException">Unknown organization (TEN2005) or setup, or a store failure.</exception>
    ValueTask<TenantConfig> ResolveAsync(string organizationSlug, string? setup = null, CancellationToken cancellationToken = default);

    /// <summary>Resolves a user's configuration: their default organization's, or the system organization's when they have none.</summary>
    /// <param name="userId">The user's id.</param>
    /// <param name="setup">The setup; <c>default</c> when null.</param>
    /// <param name="cancellationToken">Cancels a read that misses the cache.</param>
    /// <returns>The immutable resolved snapshot, with provenance.</returns>
    /// <exception cref="Diagnostics.ConfigResolverException">Unknown user or setup, or a store failure.</exception>
    ValueTask<TenantConfig> ResolveForUserAsync(Guid userId, string? setup = null, CancellationToken cancellationToken = default);
}
