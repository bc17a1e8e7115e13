using ConfigResolver.Access;
using ConfigResolver.Auditing;
using ConfigResolver.Sqlite.Internal;
using ConfigResolver.Tenancy;
using ConfigResolver.Validation;

namespace ConfigResolver.Sqlite;

public sealed partial class SqliteTenantStore
{
    /// <inheritdoc/>
    public async Task<JoinResult> AcceptInvitationAsync(InvitationAcceptance acceptance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(acceptance);
        JoinResult? result = null;
        await WriteAsync("AcceptInvitation", null, w =>
        {
            var invitation = SqliteAccessQueries.InvitationByToken(w.Connection, w.Transaction, acceptance.TokenHash);
            AccessInvariants.ThrowIfAny(AccessInvariants.CheckAccept(invitation, acceptance.Email, acceptance.At));
            var plan = Join(w, invitation!.OrganizationId, invitation.OrganizationSlug, acceptance.Email, acceptance.Name, invitation.Role, acceptance.NewUserId, acceptance.At);
            var accepted = invitation with { Status = InvitationStatus.Accepted, ClosedAt = acceptance.At, AcceptedUserId = plan.User.Id };
            w.Execute(SqliteAccessQueries.UpdateInvitationSql, SqliteAccessRows.InvitationParameters(accepted));
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
        await WriteAsync("SignUp", null, w =>
        {
            var plan = Join(w, join.OrganizationId, join.OrganizationId.ToString("D"), join.Email, join.Name, join.Role, join.NewUserId, join.At, checkSeat: true);
            result = plan.ToResult();
            w.Audit = AccessAuditEvents.SignedUp(result, join.Via);
            return plan.Changes();
        }, cancellationToken).ConfigureAwait(false);
        return result!;
    }

    /// <summary>Decides the join from what the transaction reads and writes it: the user if new, the membership, the default.</summary>
    private static JoinPlan Join(SqliteWrite w, Guid organizationId, string organizationName, string email, string? name, MembershipRole role, Guid newUserId, DateTimeOffset at, bool checkSeat = false)
    {
        var organization = SqliteQueries.OrganizationById(w.Connection, w.Transaction, organizationId)
            ?? throw new TenantValidationException([TenancyDiagnostics.UnknownOrganization(organizationName)]);
        w.Organization = organization.Slug;
        var user = SqliteQueries.UserByEmail(w.Connection, w.Transaction, email);
        var membership = user is null ? null : SqliteQueries.Membership(w.Connection, w.Transaction, organizationId, user.Id);
        var plan = JoinPlan.Decide(organization, user, membership, SqliteQueries.OwnerCount(w.Connection, w.Transaction, organizationId), role, email, name, newUserId, at);
        if (plan.CreateUser)
        {
            using var insert = SqliteCommands.Create(
                w.Connection,
                w.Transaction,
                "INSERT INTO users (id, email, email_normalized, name, default_organization_id, created_at, updated_at) "
                + "VALUES ($id, $email, $email_normalized, $name, $default_organization_id, $created_at, $updated_at)");
            SqliteRows.BindUser(insert, plan.User);
            insert.ExecuteNonQuery();
        }
        else if (plan.DefaultChanged)
        {
            w.Execute("UPDATE users SET default_organization_id = $org WHERE id = $user", ("$org", SqliteRows.Id(organizationId)), ("$user", SqliteRows.Id(plan.User.Id)));
        }

        // A sign-up takes a new seat; an accepted invitation's seat was counted when it was created.
        if (checkSeat && plan.WriteMembership && plan.PreviousRole is null)
        {
            SqliteCommerceQueries.CheckSeat(w.Connection, w.Transaction, organizationId, organization.Slug, at);
        }

        if (plan.WriteMembership)
        {
            w.Execute(
                "INSERT INTO memberships (organization_id, user_id, role) VALUES ($org, $user, $role) "
                + "ON CONFLICT (organization_id, user_id) DO UPDATE SET role = excluded.role",
                ("$org", SqliteRows.Id(organizationId)),
                ("$user", SqliteRows.Id(plan.User.Id)),
                ("$role", TenancyNames.ToName(plan.Role)));
        }

        return plan;
    }
}
