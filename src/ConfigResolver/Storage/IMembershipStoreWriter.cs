using ConfigResolver.Tenancy;
using ConfigResolver.Validation;

namespace ConfigResolver.Storage;

/// <summary>
/// Writes memberships. Each call is one transaction that enforces, inside it: one role per user per organization,
/// an organization with members keeps at least one owner, and a user's default organization is one of their memberships.
/// </summary>
public interface IMembershipStoreWriter
{
    /// <summary>
    /// Adds a membership or changes its role. A user without a default organization gets this one as default.
    /// </summary>
    /// <param name="membership">The membership.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the write is committed and published.</returns>
    /// <exception cref="TenantValidationException">
    /// Unknown organization (TEN2005) or user (TEN2006), demoting the last owner (TEN2010),
    /// or a first member who is not an owner (TEN2011).
    /// </exception>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    Task SetMembershipAsync(Membership membership, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes a membership. If it was the user's default organization, the remaining membership with the
    /// lowest slug becomes the default, or none.
    /// </summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="userId">The user.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the write is committed and published.</returns>
    /// <exception cref="TenantValidationException">Unknown organization (TEN2005), user (TEN2006) or membership (TEN2013), or the last owner (TEN2009).</exception>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    Task RemoveMembershipAsync(Guid organizationId, Guid userId, CancellationToken cancellationToken = default);
}
