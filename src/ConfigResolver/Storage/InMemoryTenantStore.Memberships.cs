using System.Collections.Immutable;
using ConfigResolver.Auditing;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Storage;

public sealed partial class InMemoryTenantStore
{
    /// <inheritdoc/>
    public ValueTask<Membership?> GetMembershipAsync(Guid organizationId, Guid userId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new(State.MembersOf(organizationId).GetValueOrDefault(userId));
    }

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<Membership>> ListMembershipsOfOrganizationAsync(Guid organizationId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var state = State;
        var members = state.MembersOf(organizationId).Values.ToArray();
        Array.Sort(members, (a, b) => string.CompareOrdinal(
            TenancyRules.NormalizeEmail(state.Users[a.UserId].Email),
            TenancyRules.NormalizeEmail(state.Users[b.UserId].Email)));
        return new(ImmutableArray.Create(members));
    }

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<Membership>> ListMembershipsOfUserAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var state = State;
        var memberships = state.MembershipsOf(userId).Values.ToArray();
        Array.Sort(memberships, (a, b) => string.CompareOrdinal(state.Organizations[a.OrganizationId].Slug, state.Organizations[b.OrganizationId].Slug));
        return new(ImmutableArray.Create(memberships));
    }

    /// <inheritdoc/>
    public Task SetMembershipAsync(Membership membership, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(membership);
        return WriteAsync(state =>
        {
            var (organization, user) = Resolve(state, membership.OrganizationId, membership.UserId);
            var existing = state.MembersOf(organization.Id).GetValueOrDefault(user.Id);
            TenantInvariants.ThrowIfAny(TenantInvariants.CheckSetMembership(organization, user, existing, state.OwnerCount(organization.Id), membership.Role));
            if (existing is null)
            {
                Commerce.CommerceRules.CheckSeat(organization.Slug, state.CommerceOf(organization.Id), state.CountsOf(organization.Id, _timeProvider.GetUtcNow()));
            }
            var next = state.WithMembership(membership);
            var changes = ImmutableArray.CreateBuilder<TenantChange>(2);
            changes.Add(TenantChange.MembershipSet(organization, user.Id));
            if (user.DefaultOrganizationId is null)
            {
                var withDefault = user with { DefaultOrganizationId = organization.Id };
                next = next.WithUser(withDefault);
                changes.Add(TenantChange.UserUpdated(withDefault));
            }

            return (next, changes.ToImmutable(), AuditEvents.MembershipSet(organization, user, existing?.Role, membership.Role));
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task RemoveMembershipAsync(Guid organizationId, Guid userId, CancellationToken cancellationToken = default)
    {
        return WriteAsync(state =>
        {
            var (organization, user) = Resolve(state, organizationId, userId);
            var existing = state.MembersOf(organization.Id).GetValueOrDefault(user.Id);
            TenantInvariants.ThrowIfAny(TenantInvariants.CheckRemoveMembership(organization, user, existing, state.OwnerCount(organization.Id)));
            var next = state.WithoutMembership(organization.Id, user.Id).WithoutTeamMember(organization.Id, user.Id);
            var changes = ImmutableArray.CreateBuilder<TenantChange>(2);
            changes.Add(TenantChange.MembershipRemoved(organization, user.Id));
            if (user.DefaultOrganizationId == organization.Id)
            {
                var reassigned = user with { DefaultOrganizationId = next.FirstMembershipBySlug(user.Id) };
                next = next.WithUser(reassigned);
                changes.Add(TenantChange.UserUpdated(reassigned));
            }

            return (next, changes.ToImmutable(), AuditEvents.MembershipRemoved(organization, user, existing!.Role));
        }, cancellationToken);
    }

    private static (Organization Organization, User User) Resolve(InMemoryStoreState state, Guid organizationId, Guid userId)
    {
        var organization = state.Organizations.GetValueOrDefault(organizationId);
        var user = state.Users.GetValueOrDefault(userId);
        if (organization is null || user is null)
        {
            var diagnostics = ImmutableArray.CreateBuilder<Diagnostics.Diagnostic>(2);
            if (organization is null)
            {
                diagnostics.Add(TenancyDiagnostics.UnknownOrganization(organizationId.ToString()));
            }

            if (user is null)
            {
                diagnostics.Add(TenancyDiagnostics.UnknownUser(userId.ToString()));
            }

            throw new Validation.TenantValidationException(diagnostics.ToImmutable());
        }

        return (organization, user);
    }
}
