using System.Collections.Immutable;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Storage;

/// <summary>Reads organizations.</summary>
/// <remarks>Implementations are safe for concurrent use; reads never wait for writes.</remarks>
public interface IOrganizationStore
{
    /// <summary>Gets an organization by id.</summary>
    /// <param name="organizationId">The id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The organization, or null when none has the id.</returns>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    ValueTask<Organization?> GetOrganizationAsync(Guid organizationId, CancellationToken cancellationToken = default);

    /// <summary>Finds an organization by slug (exact, ordinal).</summary>
    /// <param name="slug">The slug.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The organization, or null when none has the slug.</returns>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    ValueTask<Organization?> FindOrganizationBySlugAsync(string slug, CancellationToken cancellationToken = default);

    /// <summary>Gets the one system organization, which the store created when it was first opened.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The system organization.</returns>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    ValueTask<Organization> GetSystemOrganizationAsync(CancellationToken cancellationToken = default);

    /// <summary>Lists every organization, the system organization included, ordered by slug (ordinal).</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The organizations.</returns>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    ValueTask<ImmutableArray<Organization>> ListOrganizationsAsync(CancellationToken cancellationToken = default);
}
