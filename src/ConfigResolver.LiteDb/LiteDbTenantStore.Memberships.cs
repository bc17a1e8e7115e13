using System.Collections.Immutable;
using ConfigResolver.Auditing;
using ConfigResolver.Diagnostics;
using ConfigResolver.LiteDb.Internal;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using ConfigResolver.Validation;
using LiteDB;

namespace ConfigResolver.LiteDb;

public sealed partial class LiteDbTenantStore
{
    /// <inheritdoc/>
    public ValueTask<Membership?> GetMembershipAsync(Guid organizationId, Guid userId, CancellationToken cancellationToken = default) =>
        Read("GetMembership", null, db => LiteQueries.Membership(db, organizationId, userId), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<Membership>> ListMembershipsOfOrganizationAsync(Guid organizationId, CancellationToken cancellationToken = default) =>
        Read("ListMembershipsOfOrganization", null, db => LiteQueries.MembershipsOfOrganization(db, organizationId).ToImmutableArray(), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<Membership>> ListMembershipsOfUserAsync(Guid userId, CancellationToken cancellationToken = default) =>
        Read("ListMembershipsOfUser", null, db => LiteQueries.MembershipsOfUser(db, userId).ToImmutableArray(), cancellationToken);

    /// <inheritdoc/>
    public Task SetMembershipAsync(Membership membership, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(membership);
        return Write("SetMembership", null, db =>
        {
            var (organization, user) = FindBoth(db, membership.OrganizationId, membership.UserId);
            var existing = LiteQueries.Membership(db, organization.Id, user.Id);
            TenantInvariants.ThrowIfAny(TenantInvariants.CheckSetMembership(organization, user, existing, LiteQueries.OwnerCount(db, organization.Id), membership.Role));
            if (existing is null)
            {
                LiteCommerceQueries.CheckSeat(db, organization.Id, organization.Slug, _timeProvider.GetUtcNow());
            }
            db.GetCollection(LiteDocs.Memberships).Upsert(LiteDocs.FromMembership(membership));
            var changes = ImmutableArray.CreateBuilder<TenantChange>(2);
            changes.Add(TenantChange.MembershipSet(organization, user.Id));
            if (user.DefaultOrganizationId is null)
            {
                var withDefault = user with { DefaultOrganizationId = organization.Id };
                db.GetCollection(LiteDocs.Users).Update(LiteDocs.FromUser(withDefault));
                changes.Add(TenantChange.UserUpdated(withDefault));
            }

            return (changes.ToImmutable(), AuditEvents.MembershipSet(organization, user, existing?.Role, membership.Role));
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task RemoveMembershipAsync(Guid organizationId, Guid userId, CancellationToken cancellationToken = default)
    {
        return Write("RemoveMembership", null, db =>
        {
            var (organization, user) = FindBoth(db, organizationId, userId);
            var existing = LiteQueries.Membership(db, organization.Id, user.Id);
            TenantInvariants.ThrowIfAny(TenantInvariants.CheckRemoveMembership(organization, user, existing, LiteQueries.OwnerCount(db, organization.Id)));
            db.GetCollection(LiteDocs.Memberships).Delete(new BsonValue(LiteDocs.MembershipId(organization.Id, user.Id)));
            LiteCommerceQueries.RemoveTeamMember(db, organization.Id, user.Id);
            var changes = ImmutableArray.CreateBuilder<TenantChange>(2);
            changes.Add(TenantChange.MembershipRemoved(organization, user.Id));
            if (MoveDefaultAway(db, user.Id, organization.Id) is { } reassigned)
            {
                changes.Add(TenantChange.UserUpdated(reassigned));
            }

            return (changes.ToImmutable(), AuditEvents.MembershipRemoved(organization, user, existing!.Role));
        }, cancellationToken);
    }

    private static (Organization Organization, User User) FindBoth(LiteDatabase db, Guid organizationId, Guid userId)
    {
        var organization = LiteQueries.OrganizationById(db, organizationId);
        var user = LiteQueries.UserById(db, userId);
        if (organization is null || user is null)
        {
            var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>(2);
            if (organization is null)
            {
                diagnostics.Add(TenancyDiagnostics.UnknownOrganization(organizationId.ToString()));
            }

            if (user is null)
            {
                diagnostics.Add(TenancyDiagnostics.UnknownUser(userId.ToString()));
            }

            throw new TenantValidationException(diagnostics.ToImmutable());
        }

        return (organization, user);
    }
}
