using System.Collections.Immutable;
using ConfigResolver.Access;
using ConfigResolver.Auditing;
using ConfigResolver.LiteDb.Internal;
using ConfigResolver.Storage;
using LiteDB;

namespace ConfigResolver.LiteDb;

public sealed partial class LiteDbTenantStore
{
    /// <inheritdoc/>
    public ValueTask<Invitation?> GetInvitationAsync(Guid invitationId, CancellationToken cancellationToken = default) =>
        Read("GetInvitation", null, db => LiteAccessQueries.InvitationById(db, invitationId), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<Invitation?> FindInvitationByTokenHashAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        return Read("FindInvitationByTokenHash", null, db => LiteAccessQueries.InvitationByToken(db, tokenHash), cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<Invitation>> ListInvitationsAsync(Guid organizationId, CancellationToken cancellationToken = default) =>
        Read("ListInvitations", null, db => LiteAccessQueries.InvitationsOfOrganization(db, organizationId).ToImmutableArray(), cancellationToken);

    /// <inheritdoc/>
    public Task CreateInvitationAsync(Invitation invitation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        return Write("CreateInvitation", invitation.OrganizationSlug, db =>
        {
            AccessInvariants.ThrowIfAny(AccessInvariants.CheckCreateInvitation(
                invitation,
                LiteQueries.OrganizationById(db, invitation.OrganizationId),
                idExists: LiteAccessQueries.InvitationById(db, invitation.Id) is not null,
                tokenTaken: db.GetCollection(LiteAccessDocs.Invitations).Exists(Query.EQ("token_hash", invitation.TokenHash))));
            LiteCommerceQueries.CheckSeat(db, invitation.OrganizationId, invitation.OrganizationSlug, invitation.CreatedAt);
            db.GetCollection(LiteAccessDocs.Invitations).Insert(LiteAccessDocs.FromInvitation(invitation));
            return ([TenantChange.InvitationChanged(invitation)], AccessAuditEvents.InvitationCreated(invitation));
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<Invitation> CancelInvitationAsync(Guid organizationId, Guid invitationId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        Invitation? written = null;
        await Write("CancelInvitation", null, db =>
        {
            var existing = ChangeableInvitation(db, organizationId, invitationId);
            written = existing with { Status = InvitationStatus.Cancelled, ClosedAt = at };
            db.GetCollection(LiteAccessDocs.Invitations).Update(LiteAccessDocs.FromInvitation(written));
            return ([TenantChange.InvitationChanged(written)], AccessAuditEvents.InvitationCancelled(written));
        }, cancellationToken).ConfigureAwait(false);
        return written!;
    }

    /// <inheritdoc/>
    public async Task<Invitation> ReissueInvitationAsync(Guid organizationId, Guid invitationId, string tokenHash, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        Invitation? written = null;
        await Write("ReissueInvitation", null, db =>
        {
            var existing = ChangeableInvitation(db, organizationId, invitationId);
            written = existing with { TokenHash = tokenHash, ExpiresAt = expiresAt };
            db.GetCollection(LiteAccessDocs.Invitations).Update(LiteAccessDocs.FromInvitation(written));
            return ([TenantChange.InvitationChanged(written)], AccessAuditEvents.InvitationReissued(existing, written));
        }, cancellationToken).ConfigureAwait(false);
        return written!;
    }

    private static Invitation ChangeableInvitation(LiteDatabase db, Guid organizationId, Guid invitationId)
    {
        var existing = LiteAccessQueries.InvitationById(db, invitationId);
        var slug = LiteQueries.OrganizationById(db, organizationId)?.Slug ?? organizationId.ToString("D");
        AccessInvariants.ThrowIfAny(AccessInvariants.CheckChangeInvitation(existing, organizationId, slug, invitationId));
        return existing!;
    }
}
