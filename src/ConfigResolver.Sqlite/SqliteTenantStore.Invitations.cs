using System.Collections.Immutable;
using ConfigResolver.Access;
using ConfigResolver.Auditing;
using ConfigResolver.Sqlite.Internal;
using ConfigResolver.Storage;

namespace ConfigResolver.Sqlite;

public sealed partial class SqliteTenantStore
{
    /// <inheritdoc/>
    public ValueTask<Invitation?> GetInvitationAsync(Guid invitationId, CancellationToken cancellationToken = default) =>
        ReadAsync("GetInvitation", null, c => SqliteAccessQueries.InvitationById(c, null, invitationId), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<Invitation?> FindInvitationByTokenHashAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        return ReadAsync("FindInvitationByTokenHash", null, c => SqliteAccessQueries.InvitationByToken(c, null, tokenHash), cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<Invitation>> ListInvitationsAsync(Guid organizationId, CancellationToken cancellationToken = default) =>
        ReadAsync("ListInvitations", null, c => SqliteAccessQueries.InvitationsOfOrganization(c, null, organizationId).ToImmutableArray(), cancellationToken);

    /// <inheritdoc/>
    public Task CreateInvitationAsync(Invitation invitation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        return WriteAsync("CreateInvitation", invitation.OrganizationSlug, w =>
        {
            AccessInvariants.ThrowIfAny(AccessInvariants.CheckCreateInvitation(
                invitation,
                SqliteQueries.OrganizationById(w.Connection, w.Transaction, invitation.OrganizationId),
                idExists: SqliteAccessQueries.InvitationById(w.Connection, w.Transaction, invitation.Id) is not null,
                tokenTaken: SqliteAccessQueries.InvitationByToken(w.Connection, w.Transaction, invitation.TokenHash) is not null));
            SqliteCommerceQueries.CheckSeat(w.Connection, w.Transaction, invitation.OrganizationId, invitation.OrganizationSlug, invitation.CreatedAt);
            w.Execute(SqliteAccessQueries.InsertInvitationSql, SqliteAccessRows.InvitationParameters(invitation));
            w.Audit = AccessAuditEvents.InvitationCreated(invitation);
            return [TenantChange.InvitationChanged(invitation)];
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<Invitation> CancelInvitationAsync(Guid organizationId, Guid invitationId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        Invitation? written = null;
        await WriteAsync("CancelInvitation", null, w =>
        {
            var existing = ChangeableInvitation(w, organizationId, invitationId);
            written = existing with { Status = InvitationStatus.Cancelled, ClosedAt = at };
            w.Execute(SqliteAccessQueries.UpdateInvitationSql, SqliteAccessRows.InvitationParameters(written));
            w.Audit = AccessAuditEvents.InvitationCancelled(written);
            return [TenantChange.InvitationChanged(written)];
        }, cancellationToken).ConfigureAwait(false);
        return written!;
    }

    /// <inheritdoc/>
    public async Task<Invitation> ReissueInvitationAsync(Guid organizationId, Guid invitationId, string tokenHash, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        Invitation? written = null;
        await WriteAsync("ReissueInvitation", null, w =>
        {
            var existing = ChangeableInvitation(w, organizationId, invitationId);
            written = existing with { TokenHash = tokenHash, ExpiresAt = expiresAt };
            w.Execute(SqliteAccessQueries.UpdateInvitationSql, SqliteAccessRows.InvitationParameters(written));
            w.Audit = AccessAuditEvents.InvitationReissued(existing, written);
            return [TenantChange.InvitationChanged(written)];
        }, cancellationToken).ConfigureAwait(false);
        return written!;
    }

    private static Invitation ChangeableInvitation(SqliteWrite w, Guid organizationId, Guid invitationId)
    {
        var organization = SqliteQueries.OrganizationById(w.Connection, w.Transaction, organizationId);
        w.Organization = organization?.Slug;
        var existing = SqliteAccessQueries.InvitationById(w.Connection, w.Transaction, invitationId);
        AccessInvariants.ThrowIfAny(AccessInvariants.CheckChangeInvitation(existing, organizationId, organization?.Slug ?? organizationId.ToString("D"), invitationId));
        return existing!;
    }
}
