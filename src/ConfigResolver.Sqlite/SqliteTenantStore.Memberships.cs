using System.Collections.Immutable;
using ConfigResolver.Auditing;
using ConfigResolver.Diagnostics;
using ConfigResolver.Sqlite.Internal;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using ConfigResolver.Validation;

namespace ConfigResolver.Sqlite;

public sealed partial class SqliteTenantStore
{
    /// <inheritdoc/>
    public ValueTask<Membership?> GetMembershipAsync(Guid organizationId, Guid userId, CancellationToken cancellationToken = default) =>
        ReadAsync("GetMembership", null, c => SqliteQueries.Membership(c, null, organizationId, userId), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<Membership>> ListMembershipsOfOrganizationAsync(Guid organizationId, CancellationToken cancellationToken = default) =>
        ReadAsync("ListMembershipsOfOrganization", null, c => SqliteQueries.MembershipsOfOrganization(c, null, organizationId).ToImmutableArray(), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<Membership>> ListMembershipsOfUserAsync(Guid userId, CancellationToken cancellationToken = default) =>
        ReadAsync("ListMembershipsOfUser", null, c => SqliteQueries.MembershipsOfUser(c, null, userId).ToImmutableArray(), cancellationToken);

    /// <inheritdoc/>
    public Task SetMembershipAsync(Membership membership, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(membership);
        return WriteAsync("SetMembership", null, w =>
        {
            var (organization, user) = FindBoth(w, membership.OrganizationId, membership.UserId);
            var existing = SqliteQueries.Membership(w.Connection, w.Transaction, organization.Id, user.Id);
            var owners = SqliteQueries.OwnerCount(w.Connection, w.Transaction, organization.Id);
            TenantInvariants.ThrowIfAny(TenantInvariants.CheckSetMembership(organization, user, existing, owners, membership.Role));
            if (existing is null)
            {
                SqliteCommerceQueries.CheckSeat(w.Connection, w.Transaction, organization.Id, organization.Slug, _timeProvider.GetUtcNow());
            }
            w.Execute(
                "INSERT INTO memberships (organization_id, user_id, role) VALUES ($org, $user, $role) "
                + "ON CONFLICT (organization_id, user_id) DO UPDATE SET role = excluded.role",
                ("$org", SqliteRows.Id(organization.Id)),
                ("$user", SqliteRows.Id(user.Id)),
                ("$role", TenancyNames.ToName(membership.Role)));
            w.Audit = AuditEvents.MembershipSet(organization, user, existing?.Role, membership.Role);
            var changes = ImmutableArray.CreateBuilder<TenantChange>(2);
            changes.Add(TenantChange.MembershipSet(organization, user.Id));
            if (user.DefaultOrganizationId is null)
            {
                var withDefault = user with { DefaultOrganizationId = organization.Id };
                w.Execute(
                    "UPDATE users SET default_organization_id = $org WHERE id = $user",
                    ("$org", SqliteRows.Id(organization.Id)),
                    ("$user", SqliteRows.Id(user.Id)));
                changes.Add(TenantChange.UserUpdated(withDefault));
            }

            return changes.ToImmutable();
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task RemoveMembershipAsync(Guid organizationId, Guid userId, CancellationToken cancellationToken = default)
    {
        return WriteAsync("RemoveMembership", null, w =>
        {
            var (organization, user) = FindBoth(w, organizationId, userId);
            var existing = SqliteQueries.Membership(w.Connection, w.Transaction, organization.Id, user.Id);
            var owners = SqliteQueries.OwnerCount(w.Connection, w.Transaction, organization.Id);
            TenantInvariants.ThrowIfAny(TenantInvariants.CheckRemoveMembership(organization, user, existing, owners));
            w.Execute(
                "DELETE FROM memberships WHERE organization_id = $org AND user_id = $user",
                ("$org", SqliteRows.Id(organization.Id)),
                ("$user", SqliteRows.Id(user.Id)));
            SqliteCommerceQueries.RemoveTeamMember(w.Connection, w.Transaction, organization.Id, user.Id);
            w.Audit = AuditEvents.MembershipRemoved(organization, user, existing!.Role);
            var changes = ImmutableArray.CreateBuilder<TenantChange>(2);
            changes.Add(TenantChange.MembershipRemoved(organization, user.Id));
            if (MoveDefaultAway(w, user.Id, organization.Id) is { } reassigned)
            {
                changes.Add(TenantChange.UserUpdated(reassigned));
            }

            return changes.ToImmutable();
        }, cancellationToken);
    }

    /// <summary>Reads both sides of a membership; an unknown organization and an unknown user are reported together.</summary>
    private static (Organization Organization, User User) FindBoth(SqliteWrite w, Guid organizationId, Guid userId)
    {
        var organization = SqliteQueries.OrganizationById(w.Connection, w.Transaction, organizationId);
        var user = SqliteQueries.UserById(w.Connection, w.Transaction, userId);
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

        w.Organization = organization.Slug;
        return (organization, user);
    }
}
