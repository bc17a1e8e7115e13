using ConfigResolver.Commerce;

namespace ConfigResolver.Storage;

/// <summary>Reads an organization's plan, teams and model groups.</summary>
public interface ICommerceStore
{
    /// <summary>Reads an organization's plan, teams and model groups.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The state; empty (no plan applied, no teams) for an organization that has none, or does not exist.</returns>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    ValueTask<CommerceState> GetCommerceAsync(Guid organizationId, CancellationToken cancellationToken = default);
}
