using ConfigResolver.Access;
using ConfigResolver.Auditing;
using ConfigResolver.LiteDb.Internal;
using ConfigResolver.Tenancy;
using ConfigResolver.Validation;
using LiteDB;

namespace ConfigResolver.LiteDb;

public sealed partial class LiteDbTenantStore
{
    /// <inheritdoc/>
    public async Task<JoinResult> AcceptInvitationAsync(InvitationAcceptance acceptance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(acceptance);
        JoinResult? result = null;
        await Write("AcceptInvitation", null, db =>
        {
            var invitation = LiteAccessQueries.InvitationByToken(db, acceptance.TokenHash);
            AccessInvariants.ThrowIfAny(AccessInvariants.CheckAccept(invitation, acceptance.Email, acceptance.At));
            var plan = Join(db, invitation!.OrganizationId, invitation.OrganizationSlug, acceptance.Email, acceptance.Name, invitation.Role, acceptance.NewUserId, acceptance.At);
            var accepted = invitation with { Status = InvitationStatus.Accepted, ClosedAt = acceptance.At, AcceptedUserId = plan.User.Id };
            db.GetCollection(LiteAccessDocs.Invitations).Update(LiteAccessDocs.FromInvitation(accepted));
            result = plan.ToResult();
            return (plan.Changes(), AccessAuditEvents.InvitationAccepted(accepted, result));
        }, cancellationToken).ConfigureAwait(false);
        return result!;
    }

    /// <inheritdoc/>
    public async Task<JoinResult> SignUpAsync(SignupJoin join, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(join);
        JoinResult? result = null;
        await Write("SignUp", null, db =>
        {
            var plan = Join(db, join.OrganizationId, join.OrganizationId.ToString("D"), join.Email, join.Name, join.Role, join.NewUserId, join.At, checkSeat: true);
            result = plan.ToResult();
            return (plan.Changes(), AccessAuditEvents.SignedUp(result, join.Via));
        }, cancellationToken).ConfigureAwait(false);
        return result!;
    }

    private static JoinPlan Join(LiteDatabase db, Guid organizationId, string organizationName, string email, string? name, MembershipRole role, Guid newUserId, DateTimeOffset at, bool checkSeat = false)
    {
        var organization = LiteQueries.OrganizationById(db, organizationId)
            ?? throw new TenantValidationException([TenancyDiagnostics.UnknownOrganization(organizationName)]);
        var user = LiteQueries.UserByEmail(db, email);
        var membership = user is null ? null : LiteQueries.Membership(db, organizationId, user.Id);
        var plan = JoinPlan.Decide(organization, user, membership, LiteQueries.OwnerCount(db, organizationId), role, email, name, newUserId, at);
        if (plan.CreateUser)
        {
            db.GetCollection(LiteDocs.Users).Insert(LiteDocs.FromUser(plan.User));
        }
        else if (plan.DefaultChanged)
        {
            db.GetCollection(LiteDocs.Users).Update(LiteDocs.FromUser(plan.User));
        }

        // A sign-up takes a new seat; an accepted invitation's seat was counted when it was created.
        if (checkSeat && plan.WriteMembership && plan.PreviousRole is null)
        {
            LiteCommerceQueries.CheckSeat(db, organizationId, plan.Organization.Slug, at);
        }

        if (plan.WriteMembership)
        {
            db.GetCollection(LiteDocs.Memberships).Upsert(LiteDocs.FromMembership(new Membership(organizationId, plan.User.Id, plan.Role)));
        }

        return plan;
    }
}
