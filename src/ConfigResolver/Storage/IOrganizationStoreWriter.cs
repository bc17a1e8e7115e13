using ConfigResolver.Tenancy;
using ConfigResolver.Validation;

namespace ConfigResolver.Storage;

/// <summary>
/// Writes organizations. Each call is one transaction that checks its invariants (with <see cref="TenantInvariants"/>)
/// inside the transaction, so a rejected or failed write changes nothing; a successful one is then published on the change feed.
/// </summary>
public interface IOrganizationStoreWriter
{
    /// <summary>Adds an organization.</summary>
    /// <param name="organization">The organization; never a system organization (the store creates that one itself).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the write is committed and published.</returns>
    /// <exception cref="TenantValidationException">The id, slug (TEN2002) or signup key (CFG1013) is already used.</exception>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    Task CreateOrganizationAsync(Organization organization, CancellationToken cancellationToken = default);

    /// <summary>Replaces an organization, found by id. Slug, system flag and creation time never change.</summary>
    /// <param name="organization">The new state.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the write is committed and published.</returns>
    /// <exception cref="TenantValidationException">
    /// Unknown organization (TEN2005), an immutable field changed (TEN2015), the system organization not active (TEN2008),
    /// or the signup key used by another organization (CFG1013).
    /// </exception>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    Task UpdateOrganizationAsync(Organization organization, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes an organization and its memberships. Users whose default organization it was get their
    /// remaining membership with the lowest slug as default, or none.
    /// </summary>
    /// <param name="organizationId">The id.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the write is committed and published.</returns>
    /// <exception cref="TenantValidationException">Unknown organization (TEN2005) or the system organization (TEN2007).</exception>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    Task DeleteOrganizationAsync(Guid organizationId, CancellationToken cancellationToken = default);
}
