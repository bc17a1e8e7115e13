using System.Collections.Immutable;
using ConfigResolver.Access;

namespace ConfigResolver.Storage;

/// <summary>Reads invitations (never their tokens: an invitation holds only a hash).</summary>
/// <remarks>Implementations are safe for concurrent use; reads never wait for writes.</remarks>
public interface IInvitationStore
{
    /// <summary>Gets an invitation by id.</summary>
    /// <param name="invitationId">The id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The invitation, or null.</returns>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    ValueTask<Invitation?> GetInvitationAsync(Guid invitationId, CancellationToken cancellationToken = default);

    /// <summary>Finds an invitation by the hash of its current token (an index lookup).</summary>
    /// <param name="tokenHash">The SHA-256 hash of the token, 64 lowercase hex.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The invitation, or null.</returns>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    ValueTask<Invitation?> FindInvitationByTokenHashAsync(string tokenHash, CancellationToken cancellationToken = default);

    /// <summary>Lists an organization's invitations in every status, oldest first (then by id).</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The invitations.</returns>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    ValueTask<ImmutableArray<Invitation>> ListInvitationsAsync(Guid organizationId, CancellationToken cancellationToken = default);
}
