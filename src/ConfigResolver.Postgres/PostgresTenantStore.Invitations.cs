using System.Collections.Immutable;
using ConfigResolver.Access;
using ConfigResolver.Auditing;
using ConfigResolver.Postgres.Internal;
using ConfigResolver.Storage;

namespace ConfigResolver.Postgres;

public sealed partial class PostgresTenantStore
{
    /// <inheritdoc/>
    public ValueTask<Invitation?> GetInvitationAsync(Guid invitationId, CancellationToken cancellationToken = default) =>
        ReadAsync("GetInvitation", null, (c, ct) => PgAccessQueries.InvitationByIdAsync(c, null, invitationId, ct), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<Invitation?> FindInvitationByTokenHashAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        return ReadAsync("FindInvitationByTokenHash", null, (c, ct) => PgAccessQueries.InvitationByTokenAsync(c, null, tokenHash, ct), cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<Invitation>> ListInvitationsAsync(Guid organizationId, CancellationToken cancellationToken = default) =>
        ReadAsync("ListInvitations", null, async (c, ct) => (await PgAccessQueries.InvitationsOfOrganizationAsync(c, null, organizationId, ct).ConfigureAwait(false)).ToImmutableArray(), cancellationToken);

    /// <inheritdoc/>
    public Task CreateInvitationAsync(Invitation invitation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        return WriteAsync("CreateInvitation", invitation.OrganizationSlug, async w =>
        {
            var (c, t, ct) = (w.Connection, w.Transaction, w.CancellationToken);
            AccessInvariants.ThrowIfAny(AccessInvariants.CheckCreateInvitation(
                invitation,
                await PgQueries.OrganizationByIdAsync(c, t, invitation.OrganizationId, ct).ConfigureAwait(false),
                idExists: await PgAccessQueries.InvitationByIdAsync(c, t, invitation.Id, ct).ConfigureAwait(false) is not null,
                tokenTaken: await PgAccessQueries.InvitationByTokenAsync(c, t, invitation.TokenHash, ct).ConfigureAwait(false) is not null));
            await PgCommerceQueries.CheckSeatAsync(w.Connection, w.Transaction, invitation.OrganizationId, invitation.OrganizationSlug, invitation.CreatedAt, w.CancellationToken).ConfigureAwait(false);
            await w.ExecuteAsync(PgAccessQueries.InsertInvitationSql, PgAccessRows.InvitationParameters(invitation)).ConfigureAwait(false);
            w.Audit = AccessAuditEvents.InvitationCreated(invitation);
            return [TenantChange.InvitationChanged(invitation)];
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<Invitation> CancelInvitationAsync(Guid organizationId, Guid invitationId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        Invitation? written = null;
        await WriteAsync("CancelInvitation", null, async w =>
        {
            var existing = await ChangeableInvitationAsync(w, organizationId, invitationId).ConfigureAwait(false);
            written = existing with { Status = InvitationStatus.Cancelled, ClosedAt = at };
            await w.ExecuteAsync(PgAccessQueries.UpdateInvitationSql, PgAccessRows.InvitationParameters(written)).ConfigureAwait(false);
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
        await WriteAsync("ReissueInvitation", null, async w =>
        {
            var existing = await ChangeableInvitationAsync(w, organizationId, invitationId).ConfigureAwait(false);
            written = existing with { TokenHash = tokenHash, ExpiresAt = expiresAt };
            await w.ExecuteAsync(PgAccessQueries.UpdateInvitationSql, PgAccessRows.InvitationParameters(written)).ConfigureAwait(false);
            w.Audit = AccessAuditEvents.InvitationReissued(existing, written);
            return [TenantChange.InvitationChanged(written)];
        }, cancellationToken).ConfigureAwait(false);
        return written!;
    }

    private static async Task<Invitation> ChangeableInvitationAsync(PgWrite w, Guid organizationId, Guid invitationId)
    {
        var organization = await PgQueries.OrganizationByIdAsync(w.Connection, w.Transaction, organizationId, w.CancellationToken).ConfigureAwait(false);
        w.Organization = organization?.Slug;
        var existing = await PgAccessQueries.InvitationByIdAsync(w.Connection, w.Transaction, invitationId, w.CancellationToken).ConfigureAwait(false);
        AccessInvariants.ThrowIfAny(AccessInvariants.CheckChangeInvitation(existing, organizationId, organization?.Slug ?? organizationId.ToString("D"), invitationId));
        return existing!;
    }
}
