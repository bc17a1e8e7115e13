using System.Collections.Immutable;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Storage;

/// <summary>Reads memberships.</summary>
/// <remarks>Implementations are safe for concurrent use; reads never wait for writes.</remarks>
public interface IMembershipStore
{
    /// <summary>Gets one user's membership in one organization.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The membership, or null.</returns>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    ValueTask<Membership?> GetMembershipAsync(Guid organizationId, Guid userId, CancellationToken cancellationToken = default);

    /// <summary>Lists an organization's memberships ordered by the members' normalized email.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The memberships; empty for an unknown organization.</returns>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    ValueTask<ImmutableArray<Membership>> ListMembershipsOfOrganizationAsync(Guid organizationId, CancellationToken cancellationToken = default);

    /// <summary>Lists a user's memberships ordered by organization slug.</summary>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The memberships; empty for an unknown user.</returns>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    ValueTask<ImmutableArray<Membership>> ListMembershipsOfUserAsync(Guid userId, CancellationToken cancellationToken = default);
}
