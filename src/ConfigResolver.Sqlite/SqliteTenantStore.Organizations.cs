using System.Collections.Immutable;
using ConfigResolver.Auditing;
using ConfigResolver.Sqlite.Internal;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using ConfigResolver.Validation;

namespace ConfigResolver.Sqlite;

public sealed partial class SqliteTenantStore
{
    private const string InsertOrganizationSql =
        "INSERT INTO organizations (id, slug, name, is_system, status, plan, config_json, signup_key_hash, metadata_json, created_at, updated_at) "
        + "VALUES ($id, $slug, $name, $is_system, $status, $plan, $config_json, $signup_key_hash, $metadata_json, $created_at, $updated_at)";

    // Slug, is_system and created_at never change (checked before this runs), so they are not written.
    private const string UpdateOrganizationSql =
        "UPDATE organizations SET name = $name, status = $status, plan = $plan, config_json = $config_json, signup_key_hash = $signup_key_hash, "
        + "metadata_json = $metadata_json, updated_at = $updated_at WHERE id = $id";

    /// <inheritdoc/>
    public ValueTask<Organization?> GetOrganizationAsync(Guid organizationId, CancellationToken cancellationToken = default) =>
        ReadAsync("GetOrganization", null, c => SqliteQueries.OrganizationById(c, null, organizationId), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<Organization?> FindOrganizationBySlugAsync(string slug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slug);
        return ReadAsync("FindOrganizationBySlug", slug, c => SqliteQueries.OrganizationBySlug(c, null, slug), cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<Organization> GetSystemOrganizationAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(
            "GetSystemOrganization",
            null,
            c => SqliteQueries.SystemOrganization(c, null)
                ?? throw new TenantStoreException("GetSystemOrganization", null, null, isTransient: false, $"the database '{_path}' has no system organization"),
            cancellationToken);

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<OrganizationSummary>> ListOrganizationSummariesAsync(CancellationToken cancellationToken = default) =>
        ReadAsync("ListOrganizationSummaries", null, c => SqliteQueries.OrganizationSummaries(c, null).ToImmutableArray(), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<Organization>> ListOrganizationsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync("ListOrganizations", null, c => SqliteQueries.Organizations(c, null).ToImmutableArray(), cancellationToken);

    /// <inheritdoc/>
    public Task CreateOrganizationAsync(Organization organization, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return WriteAsync("CreateOrganization", organization.Slug, w =>
        {
            TenantInvariants.ThrowIfAny(TenantInvariants.CheckCreateOrganization(
                organization,
                idExists: SqliteQueries.OrganizationById(w.Connection, w.Transaction, organization.Id) is not null,
                slugTaken: SqliteQueries.OrganizationBySlug(w.Connection, w.Transaction, organization.Slug) is not null,
                signupKeyTaken: SqliteQueries.SignupKeyTakenByOther(w.Connection, w.Transaction, organization)));
            using var insert = SqliteCommands.Create(w.Connection, w.Transaction, InsertOrganizationSql);
            SqliteRows.BindOrganization(insert, organization);
            insert.ExecuteNonQuery();
            w.Audit = AuditEvents.OrganizationCreated(organization);
            return [TenantChange.OrganizationCreated(organization)];
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task UpdateOrganizationAsync(Organization organization, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return WriteAsync("UpdateOrganization", organization.Slug, w =>
        {
            var existing = SqliteQueries.OrganizationById(w.Connection, w.Transaction, organization.Id)
                ?? throw new TenantValidationException([TenancyDiagnostics.UnknownOrganization(organization.Slug)]);
            TenantInvariants.ThrowIfAny(TenantInvariants.CheckUpdateOrganization(
                existing,
                organization,
                SqliteQueries.SignupKeyTakenByOther(w.Connection, w.Transaction, organization)));
            using var update = SqliteCommands.Create(w.Connection, w.Transaction, UpdateOrganizationSql);
            SqliteRows.BindOrganization(update, organization);
            update.ExecuteNonQuery();
            w.Audit = AuditEvents.OrganizationUpdated(existing, organization);
            return [TenantChange.OrganizationUpdated(organization)];
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task DeleteOrganizationAsync(Guid organizationId, CancellationToken cancellationToken = default)
    {
        return WriteAsync("DeleteOrganization", null, w =>
        {
            var existing = SqliteQueries.OrganizationById(w.Connection, w.Transaction, organizationId)
                ?? throw new TenantValidationException([TenancyDiagnostics.UnknownOrganization(organizationId.ToString())]);
            w.Organization = existing.Slug;
            TenantInvariants.ThrowIfAny(TenantInvariants.CheckDeleteOrganization(existing));
            var members = SqliteQueries.MembershipsOfOrganization(w.Connection, w.Transaction, existing.Id);

            // Memberships go with the organization (ON DELETE CASCADE); the defaults that pointed at it move below,
            // before the deferred foreign key on users.default_organization_id is checked at commit.
            w.Execute("DELETE FROM organizations WHERE id = $id", ("$id", SqliteRows.Id(existing.Id)));

            // Keys outlive their organization, revoked, so token verifiers still learn of them; invitations cascade.
            w.Execute(
                "UPDATE api_keys SET revoked_at = $at, previous_secret_hash = NULL, previous_secret_valid_until = NULL WHERE organization_id = $id AND revoked_at IS NULL",
                ("$at", SqliteAccessRows.Utc(_timeProvider.GetUtcNow())),
                ("$id", SqliteRows.Id(existing.Id)));
            w.Audit = AuditEvents.OrganizationDeleted(existing, members.Count);
            var changes = ImmutableArray.CreateBuilder<TenantChange>();
            changes.Add(TenantChange.OrganizationDeleted(existing.Id, existing.Slug));
            foreach (var membership in members)
            {
                if (MoveDefaultAway(w, membership.UserId, existing.Id) is { } reassigned)
                {
                    changes.Add(TenantChange.UserUpdated(reassigned));
                }
            }

            return changes.ToImmutable();
        }, cancellationToken);
    }

    /// <summary>
    /// If the user's default organization is <paramref name="leftOrganizationId"/>, makes their remaining membership with the
    /// lowest slug the default (or none) and returns the user as written; otherwise returns null. The updated time is kept,
    /// as in every store: the store, not the user, made this change.
    /// </summary>
    private static User? MoveDefaultAway(SqliteWrite w, Guid userId, Guid leftOrganizationId)
    {
        var user = SqliteQueries.UserById(w.Connection, w.Transaction, userId);
        if (user is null || user.DefaultOrganizationId != leftOrganizationId)
        {
            return null;
        }

        var reassigned = user with { DefaultOrganizationId = SqliteQueries.FirstMembershipBySlug(w.Connection, w.Transaction, userId) };
        w.Execute(
            "UPDATE users SET default_organization_id = $default WHERE id = $id",
            ("$default", reassigned.DefaultOrganizationId is { } id ? SqliteRows.Id(id) : null),
            ("$id", SqliteRows.Id(userId)));
        return reassigned;
    }
}
