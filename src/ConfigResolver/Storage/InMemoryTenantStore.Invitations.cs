using System.Collections.Immutable;
using ConfigResolver.Access;
using ConfigResolver.Auditing;

namespace ConfigResolver.Storage;

public sealed partial class InMemoryTenantStore
{
    /// <inheritdoc/>
    public ValueTask<Invitation?> GetInvitationAsync(Guid invitationId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new(State.Invitations.GetValueOrDefault(invitationId));
    }

    /// <inheritdoc/>
    public ValueTask<Invitation?> FindInvitationByTokenHashAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        cancellationToken.ThrowIfCancellationRequested();
        var state = State;
        return new(state.InvitationsByToken.TryGetValue(tokenHash, out var id) ? state.Invitations[id] : null);
    }

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<Invitation>> ListInvitationsAsync(Guid organizationId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new([.. State.Invitations.Values.Where(i => i.OrganizationId == organizationId).OrderBy(static i => i.CreatedAt).ThenBy(static i => i.Id)]);
    }

    /// <inheritdoc/>
    public Task CreateInvitationAsync(Invitation invitation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        return WriteAsync(state =>
        {
            AccessInvariants.ThrowIfAny(AccessInvariants.CheckCreateInvitation(
                invitation,
                state.Organizations.GetValueOrDefault(invitation.OrganizationId),
                idExists: state.Invitations.ContainsKey(invitation.Id),
                tokenTaken: state.InvitationsByToken.ContainsKey(invitation.TokenHash)));
            Commerce.CommerceRules.CheckSeat(invitation.OrganizationSlug, state.CommerceOf(invitation.OrganizationId), state.CountsOf(invitation.OrganizationId, invitation.CreatedAt));
            return (state.WithInvitation(invitation), [TenantChange.InvitationChanged(invitation)], AccessAuditEvents.InvitationCreated(invitation));
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<Invitation> CancelInvitationAsync(Guid organizationId, Guid invitationId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        Invitation? written = null;
        await WriteAsync(state =>
        {
            var existing = state.Invitations.GetValueOrDefault(invitationId);
            AccessInvariants.ThrowIfAny(AccessInvariants.CheckChangeInvitation(existing, organizationId, SlugOf(state, organizationId), invitationId));
            written = existing! with { Status = InvitationStatus.Cancelled, ClosedAt = at };
            return (state.WithInvitation(written), [TenantChange.InvitationChanged(written)], AccessAuditEvents.InvitationCancelled(written));
        }, cancellationToken).ConfigureAwait(false);
        return written!;
    }

    /// <inheritdoc/>
    public async Task<Invitation> ReissueInvitationAsync(Guid organizationId, Guid invitationId, string tokenHash, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        Invitation? written = null;
        await WriteAsync(state =>
        {
            var existing = state.Invitations.GetValueOrDefault(invitationId);
            AccessInvariants.ThrowIfAny(AccessInvariants.CheckChangeInvitation(existing, organizationId, SlugOf(state, organizationId), invitationId));
            written = existing! with { TokenHash = tokenHash, ExpiresAt = expiresAt };
            return (state.WithInvitation(written), [TenantChange.InvitationChanged(written)], AccessAuditEvents.InvitationReissued(existing, written));
        }, cancellationToken).ConfigureAwait(false);
        return written!;
    }
}
