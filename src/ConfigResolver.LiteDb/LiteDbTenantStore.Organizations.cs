using System.Collections.Immutable;
using ConfigResolver.Auditing;
using ConfigResolver.LiteDb.Internal;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using ConfigResolver.Validation;
using LiteDB;

namespace ConfigResolver.LiteDb;

public sealed partial class LiteDbTenantStore
{
    /// <inheritdoc/>
    public ValueTask<Organization?> GetOrganizationAsync(Guid organizationId, CancellationToken cancellationToken = default) =>
        Read("GetOrganization", null, db => LiteQueries.OrganizationById(db, organizationId), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<Organization?> FindOrganizationBySlugAsync(string slug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slug);
        return Read("FindOrganizationBySlug", slug, db => LiteQueries.OrganizationBySlug(db, slug), cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<Organization> GetSystemOrganizationAsync(CancellationToken cancellationToken = default) =>
        Read(
            "GetSystemOrganization",
            null,
            db => LiteQueries.SystemOrganization(db) ?? throw new TenantStoreException("GetSystemOrganization", null, null, isTransient: false, $"the database '{_path}' has no system organization"),
            cancellationToken);

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<Organization>> ListOrganizationsAsync(CancellationToken cancellationToken = default) =>
        Read("ListOrganizations", null, db => LiteQueries.AllOrganizations(db).ToImmutableArray(), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<OrganizationSummary>> ListOrganizationSummariesAsync(CancellationToken cancellationToken = default) =>
        Read("ListOrganizationSummaries", null, db => LiteQueries.OrganizationSummaries(db).ToImmutableArray(), cancellationToken);

    /// <inheritdoc/>
    public Task CreateOrganizationAsync(Organization organization, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return Write("CreateOrganization", organization.Slug, db =>
        {
            TenantInvariants.ThrowIfAny(TenantInvariants.CheckCreateOrganization(
                organization,
                idExists: LiteQueries.OrganizationById(db, organization.Id) is not null,
                slugTaken: LiteQueries.OrganizationBySlug(db, organization.Slug) is not null,
                signupKeyTaken: LiteQueries.SignupKeyTakenByOther(db, organization)));
            db.GetCollection(LiteDocs.Organizations).Insert(LiteDocs.FromOrganization(organization));
            return ([TenantChange.OrganizationCreated(organization)], AuditEvents.OrganizationCreated(organization));
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task UpdateOrganizationAsync(Organization organization, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return Write("UpdateOrganization", organization.Slug, db =>
        {
            var existing = LiteQueries.OrganizationById(db, organization.Id)
                ?? throw new TenantValidationException([TenancyDiagnostics.UnknownOrganization(organization.Slug)]);
            TenantInvariants.ThrowIfAny(TenantInvariants.CheckUpdateOrganization(existing, organization, LiteQueries.SignupKeyTakenByOther(db, organization)));
            db.GetCollection(LiteDocs.Organizations).Update(LiteDocs.FromOrganization(organization));
            return ([TenantChange.OrganizationUpdated(organization)], AuditEvents.OrganizationUpdated(existing, organization));
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task DeleteOrganizationAsync(Guid organizationId, CancellationToken cancellationToken = default)
    {
        return Write("DeleteOrganization", null, db =>
        {
            var existing = LiteQueries.OrganizationById(db, organizationId)
                ?? throw new TenantValidationException([TenancyDiagnostics.UnknownOrganization(organizationId.ToString())]);
            TenantInvariants.ThrowIfAny(TenantInvariants.CheckDeleteOrganization(existing));
            var members = LiteQueries.MembershipsOfOrganization(db, existing.Id);
            db.GetCollection(LiteDocs.Memberships).DeleteMany(Query.EQ("organization_id", existing.Id));
            db.GetCollection(LiteDocs.Organizations).Delete(existing.Id);
            LiteCommerceQueries.Delete(db, existing.Id);
            RevokeKeysAndDropInvitations(db, existing.Id);
            var changes = ImmutableArray.CreateBuilder<TenantChange>();
            changes.Add(TenantChange.OrganizationDeleted(existing.Id, existing.Slug));
            foreach (var membership in members)
            {
                if (MoveDefaultAway(db, membership.UserId, existing.Id) is { } reassigned)
                {
                    changes.Add(TenantChange.UserUpdated(reassigned));
                }
            }

            return (changes.ToImmutable(), AuditEvents.OrganizationDeleted(existing, members.Count));
        }, cancellationToken);
    }

    /// <summary>If the user's default organization is the one left, moves it to their remaining membership with the lowest slug (or none).</summary>
    private static User? MoveDefaultAway(LiteDatabase db, Guid userId, Guid leftOrganizationId)
    {
        var user = LiteQueries.UserById(db, userId);
        if (user is null || user.DefaultOrganizationId != leftOrganizationId)
        {
            return null;
        }

        var reassigned = user with { DefaultOrganizationId = LiteQueries.FirstMembershipBySlug(db, userId) };
        db.GetCollection(LiteDocs.Users).Update(LiteDocs.FromUser(reassigned));
        return reassigned;
    }
}
