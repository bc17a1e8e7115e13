using System.Collections.Immutable;
using ConfigResolver.Diagnostics;
using ConfigResolver.Auditing;
using ConfigResolver.Postgres.Internal;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using ConfigResolver.Validation;

namespace ConfigResolver.Postgres;

public sealed partial class PostgresTenantStore
{
    /// <inheritdoc/>
    public ValueTask<Membership?> GetMembershipAsync(Guid organizationId, Guid userId, CancellationToken cancellationToken = default) =>
        ReadAsync("GetMembership", null, (c, ct) => PgQueries.MembershipAsync(c, null, organizationId, userId, ct), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<Membership>> ListMembershipsOfOrganizationAsync(Guid organizationId, CancellationToken cancellationToken = default) =>
        ReadAsync("ListMembershipsOfOrganization", null, async (c, ct) => (await PgQueries.MembershipsOfOrganizationAsync(c, null, organizationId, ct).ConfigureAwait(false)).ToImmutableArray(), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<Membership>> ListMembershipsOfUserAsync(Guid userId, CancellationToken cancellationToken = default) =>
        ReadAsync("ListMembershipsOfUser", null, async (c, ct) => (await PgQueries.MembershipsOfUserAsync(c, null, userId, ct).ConfigureAwait(false)).ToImmutableArray(), cancellationToken);

    /// <inheritdoc/>
    public Task SetMembershipAsync(Membership membership, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(membership);
        return WriteAsync("SetMembership", null, async w =>
        {
            var (organization, user) = await FindBothAsync(w, membership.OrganizationId, membership.UserId).ConfigureAwait(false);
            var (c, t, ct) = (w.Connection, w.Transaction, w.CancellationToken);
            var existing = await PgQueries.MembershipAsync(c, t, organization.Id, user.Id, ct).ConfigureAwait(false);
            var owners = await PgQueries.OwnerCountAsync(c, t, organization.Id, ct).ConfigureAwait(false);
            TenantInvariants.ThrowIfAny(TenantInvariants.CheckSetMembership(organization, user, existing, owners, membership.Role));
            if (existing is null)
            {
                await PgCommerceQueries.CheckSeatAsync(c, t, organization.Id, organization.Slug, _timeProvider.GetUtcNow(), ct).ConfigureAwait(false);
            }
            await w.ExecuteAsync(
                "INSERT INTO memberships (organization_id, user_id, role) VALUES (@org, @user, @role) "
                + "ON CONFLICT (organization_id, user_id) DO UPDATE SET role = excluded.role",
                ("org", organization.Id),
                ("user", user.Id),
                ("role", TenancyNames.ToName(membership.Role))).ConfigureAwait(false);
            w.Audit = AuditEvents.MembershipSet(organization, user, existing?.Role, membership.Role);
            var changes = ImmutableArray.CreateBuilder<TenantChange>(2);
            changes.Add(TenantChange.MembershipSet(organization, user.Id));
            if (user.DefaultOrganizationId is null)
            {
                await w.ExecuteAsync("UPDATE users SET default_organization_id = @org WHERE id = @user", ("org", organization.Id), ("user", user.Id)).ConfigureAwait(false);
                changes.Add(TenantChange.UserUpdated(user with { DefaultOrganizationId = organization.Id }));
            }

            return changes.ToImmutable();
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task RemoveMembershipAsync(Guid organizationId, Guid userId, CancellationToken cancellationToken = default)
    {
        return WriteAsync("RemoveMembership", null, async w =>
        {
            var (organization, user) = await FindBothAsync(w, organizationId, userId).ConfigureAwait(false);
            var (c, t, ct) = (w.Connection, w.Transaction, w.CancellationToken);
            var existing = await PgQueries.MembershipAsync(c, t, organization.Id, user.Id, ct).ConfigureAwait(false);
            var owners = await PgQueries.OwnerCountAsync(c, t, organization.Id, ct).ConfigureAwait(false);
            TenantInvariants.ThrowIfAny(TenantInvariants.CheckRemoveMembership(organization, user, existing, owners));
            await w.ExecuteAsync("DELETE FROM memberships WHERE organization_id = @org AND user_id = @user", ("org", organization.Id), ("user", user.Id)).ConfigureAwait(false);
            await PgCommerceQueries.RemoveTeamMemberAsync(w.Connection, w.Transaction, organization.Id, user.Id, w.CancellationToken).ConfigureAwait(false);
            w.Audit = AuditEvents.MembershipRemoved(organization, user, existing!.Role);
            var changes = ImmutableArray.CreateBuilder<TenantChange>(2);
            changes.Add(TenantChange.MembershipRemoved(organization, user.Id));
            if (await MoveDefaultAwayAsync(w, user.Id, organization.Id).ConfigureAwait(false) is { } reassigned)
            {
                changes.Add(TenantChange.UserUpdated(reassigned));
            }

            return changes.ToImmutable();
        }, cancellationToken);
    }

    /// <summary>Reads both sides of a membership; an unknown organization and an unknown user are reported together.</summary>
    private static async Task<(Organization Organization, User User)> FindBothAsync(PgWrite w, Guid organizationId, Guid userId)
    {
        var organization = await PgQueries.OrganizationByIdAsync(w.Connection, w.Transaction, organizationId, w.CancellationToken).ConfigureAwait(false);
        var user = await PgQueries.UserByIdAsync(w.Connection, w.Transaction, userId, w.CancellationToken).ConfigureAwait(false);
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
