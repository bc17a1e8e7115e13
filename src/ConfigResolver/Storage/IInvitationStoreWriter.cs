using ConfigResolver.Access;
using ConfigResolver.Validation;

namespace ConfigResolver.Storage;

/// <summary>
/// Writes invitations. Each call is one transaction with its checks (<see cref="AccessInvariants"/>) inside, its
/// change-log row (<see cref="TenantChangeKind.InvitationChanged"/>) and its audit event.
/// </summary>
public interface IInvitationStoreWriter
{
    /// <summary>Adds an invitation.</summary>
    /// <param name="invitation">The invitation, with only the hash of its token.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the write is committed and published.</returns>
    /// <exception cref="TenantValidationException">Unknown organization (TEN2005) or a duplicate id (TEN2016).</exception>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    Task CreateInvitationAsync(Invitation invitation, CancellationToken cancellationToken = default);

    /// <summary>Cancels a pending invitation.</summary>
    /// <param name="organizationId">Its organization.</param>
    /// <param name="invitationId">The invitation.</param>
    /// <param name="at">When.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The invitation as written.</returns>
    /// <exception cref="AccessException">No such invitation in the organization (ACC5207) or not pending (ACC5208).</exception>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    Task<Invitation> CancelInvitationAsync(Guid organizationId, Guid invitationId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Gives a pending invitation a new token and expiry; the old token stops working.</summary>
    /// <param name="organizationId">Its organization.</param>
    /// <param name="invitationId">The invitation.</param>
    /// <param name="tokenHash">The hash of the new token.</param>
    /// <param name="expiresAt">The new expiry.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The invitation as written.</returns>
    /// <exception cref="AccessException">No such invitation in the organization (ACC5207) or not pending (ACC5208).</exception>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    Task<Invitation> ReissueInvitationAsync(Guid organizationId, Guid invitationId, string tokenHash, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);
}
