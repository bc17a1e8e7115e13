using ConfigResolver.Access;
using ConfigResolver.Auditing;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Storage;

public sealed partial class InMemoryTenantStore
{
    /// <inheritdoc/>
    public async Task<JoinResult> AcceptInvitationAsync(InvitationAcceptance acceptance, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(acceptance);
        JoinResult? result = null;
        await WriteAsync(state =>
        {
            var invitation = state.InvitationsByToken.TryGetValue(acceptance.TokenHash, out var id) ? state.Invitations[id] : null;
            AccessInvariants.ThrowIfAny(AccessInvariants.CheckAccept(invitation, acceptance.Email, acceptance.At));
            var plan = Plan(state, invitation!.OrganizationId, invitation.OrganizationSlug, acceptance.Email, acceptance.Name, invitation.Role, acceptance.NewUserId, acceptance.At);
            var accepted = invitation with { Status = InvitationStatus.Accepted, ClosedAt = acceptance.At, AcceptedUserId = plan.User.Id };
            result = plan.ToResult();
            return (state.WithJoin(plan).WithInvitation(accepted), plan.Changes(), AccessAuditEvents.InvitationAccepted(accepted, result));
        }, cancellationToken).ConfigureAwait(false);
        return result!;
    }

    /// <inheritdoc/>
    public async Task<JoinResult> SignUpAsync(SignupJoin join, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(join);
        JoinResult? result = null;
        await WriteAsync(state =>
        {
            var plan = Plan(state, join.OrganizationId, join.OrganizationId.ToString("D"), join.Email, join.Name, join.Role, join.NewUserId, join.At);
            if (plan.WriteMembership && plan.PreviousRole is null)
            {
                Commerce.CommerceRules.CheckSeat(plan.Organization.Slug, state.CommerceOf(plan.Organization.Id), state.CountsOf(plan.Organization.Id, join.At));
            }
            result = plan.ToResult();
            return (state.WithJoin(plan), plan.Changes(), AccessAuditEvents.SignedUp(result, join.Via));
        }, cancellationToken).ConfigureAwait(false);
        return result!;
    }

    private static JoinPlan Plan(InMemoryStoreState state, Guid organizationId, string organizationName, string email, string? name, MembershipRole role, Guid newUserId, DateTimeOffset at)
    {
        var organization = state.Organizations.GetValueOrDefault(organizationId) ?? throw Unknown(TenancyDiagnostics.UnknownOrganization(organizationName));
        var user = state.FindByEmail(email);
        var membership = user is null ? null : state.MembersOf(organizationId).GetValueOrDefault(user.Id);
        return JoinPlan.Decide(organization, user, membership, state.OwnerCount(organizationId), role, email, name, newUserId, at);
    }
}
