using ConfigResolver.Access;
using ConfigResolver.Auditing;
using ConfigResolver.Postgres.Internal;
using ConfigResolver.Tenancy;
using ConfigResolver.Validation;

namespace ConfigResolver.Postgres;

public sealed partial class PostgresTenantStore
{
    /// <inheritdoc/>
    public async Task<JoinResult> AcceptInvitationAsync(InvitationAcceptance acceptance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(acceptance);
        JoinResult? result = null;
        await WriteAsync("AcceptInvitation", null, async w =>
        {
            var invitation = await PgAccessQueries.InvitationByTokenAsync(w.Connection, w.Transaction, acceptance.TokenHash, w.CancellationToken).ConfigureAwait(false);
            AccessInvariants.ThrowIfAny(AccessInvariants.CheckAccept(invitation, acceptance.Email, acceptance.At));
            var plan = await JoinAsync(w, invitation!.OrganizationId, invitation.OrganizationSlug, acceptance.Email, acceptance.Name, invitation.Role, acceptance.NewUserId, acceptance.At).ConfigureAwait(false);
            var accepted = invitation with { Status = InvitationStatus.Accepted, ClosedAt = acceptance.At, AcceptedUserId = plan.User.Id };
            await w.ExecuteAsync(PgAccessQueries.UpdateInvitationSql, PgAccessRows.InvitationParameters(accepted)).ConfigureAwait(false);
            result = plan.ToResult();
            w.Audit = AccessAuditEvents.InvitationAccepted(accepted, result);
            return plan.Changes();
        }, cancellationToken).ConfigureAwait(false);
        return result!;
    }

    /// <inheritdoc/>
    public async Task<JoinResult> SignUpAsync(SignupJoin join, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(join);
        JoinResult? result = null;
        await WriteAsync("SignUp", null, async w =>
        {
            var plan = await JoinAsync(w, join.OrganizationId, join.OrganizationId.ToString("D"), join.Email, join.Name, join.Role, join.NewUserId, join.At, checkSeat: true).ConfigureAwait(false);
            result = plan.ToResult();
            w.Audit = AccessAuditEvents.SignedUp(result, join.Via);
            return plan.Changes();
        }, cancellationToken).ConfigureAwait(false);
        return result!;
    }

    /// <summary>Decides the join from what the transaction reads and writes it: the user if new, the membership, the default.</summary>
    private static async Task<JoinPlan> JoinAsync(PgWrite w, Guid organizationId, string organizationName, string email, string? name, MembershipRole role, Guid newUserId, DateTimeOffset at, bool checkSeat = false)
    {
        var (c, t, ct) = (w.Connection, w.Transaction, w.CancellationToken);
        var organization = await PgQueries.OrganizationByIdAsync(c, t, organizationId, ct).ConfigureAwait(false)
            ?? throw new TenantValidationException([TenancyDiagnostics.UnknownOrganization(organizationName)]);
        w.Organization = organization.Slug;
        var user = await PgQueries.UserByEmailAsync(c, t, email, ct).ConfigureAwait(false);
        var membership = user is null ? null : await PgQueries.MembershipAsync(c, t, organizationId, user.Id, ct).ConfigureAwait(false);
        var owners = await PgQueries.OwnerCountAsync(c, t, organizationId, ct).ConfigureAwait(false);
        var plan = JoinPlan.Decide(organization, user, membership, owners, role, email, name, newUserId, at);
        if (plan.CreateUser)
        {
            await w.ExecuteAsync(
                "INSERT INTO users (id, email, email_normalized, name, default_organization_id, created_at, updated_at) "
                + "VALUES (@id, @email, @email_normalized, @name, @default_organization_id, @created_at, @updated_at)",
                PgRows.UserParameters(plan.User)).ConfigureAwait(false);
        }
        else if (plan.DefaultChanged)
        {
            await w.ExecuteAsync("UPDATE users SET default_organization_id = @org WHERE id = @user", ("org", organizationId), ("user", plan.User.Id)).ConfigureAwait(false);
        }

        // A sign-up takes a new seat; an accepted invitation's seat was counted when it was created.
        if (checkSeat && plan.WriteMembership && plan.PreviousRole is null)
        {
            await PgCommerceQueries.CheckSeatAsync(w.Connection, w.Transaction, organizationId, plan.Organization.Slug, at, w.CancellationToken).ConfigureAwait(false);
        }

        if (plan.WriteMembership)
        {
            await w.ExecuteAsync(
                "INSERT INTO memberships (organization_id, user_id, role) VALUES (@org, @user, @role) "
                + "ON CONFLICT (organization_id, user_id) DO UPDATE SET role = excluded.role",
                ("org", organizationId),
                ("user", plan.User.Id),
                ("role", TenancyNames.ToName(plan.Role))).ConfigureAwait(false);
        }

        return plan;
    }
}
