using System.Collections.Immutable;
using ConfigResolver.Auditing;
using ConfigResolver.Postgres.Internal;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using ConfigResolver.Validation;

namespace ConfigResolver.Postgres;

public sealed partial class PostgresTenantStore
{
    private const string InsertOrganizationSql =
        "INSERT INTO organizations (id, slug, name, is_system, status, plan, config_json, signup_key_hash, metadata_json, created_at, updated_at) "
        + "VALUES (@id, @slug, @name, @is_system, @status, @plan, @config_json, @signup_key_hash, @metadata_json, @created_at, @updated_at)";

    // Slug, is_system and created_at never change (checked before this runs); they are bound but not written.
    private const string UpdateOrganizationSql =
        "UPDATE organizations SET name = @name, status = @status, plan = @plan, config_json = @config_json, signup_key_hash = @signup_key_hash, "
        + "metadata_json = @metadata_json, updated_at = @updated_at WHERE id = @id AND slug = @slug AND is_system = @is_system AND created_at = @created_at";

    /// <inheritdoc/>
    public ValueTask<Organization?> GetOrganizationAsync(Guid organizationId, CancellationToken cancellationToken = default) =>
        ReadAsync("GetOrganization", null, (c, ct) => PgQueries.OrganizationByIdAsync(c, null, organizationId, ct), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<Organization?> FindOrganizationBySlugAsync(string slug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slug);
        return ReadAsync("FindOrganizationBySlug", slug, (c, ct) => PgQueries.OrganizationBySlugAsync(c, null, slug, ct), cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask<Organization> GetSystemOrganizationAsync(CancellationToken cancellationToken = default) =>
        ReadAsync(
            "GetSystemOrganization",
            null,
            async (c, ct) => await PgQueries.SystemOrganizationAsync(c, null, ct).ConfigureAwait(false)
                ?? throw new TenantStoreException("GetSystemOrganization", null, null, isTransient: false, $"the database {_server} has no system organization"),
            cancellationToken);

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<Organization>> ListOrganizationsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync("ListOrganizations", null, async (c, ct) => (await PgQueries.OrganizationsAsync(c, null, ct).ConfigureAwait(false)).ToImmutableArray(), cancellationToken);

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<OrganizationSummary>> ListOrganizationSummariesAsync(CancellationToken cancellationToken = default) =>
        ReadAsync("ListOrganizationSummaries", null, async (c, ct) => (await PgQueries.OrganizationSummariesAsync(c, null, ct).ConfigureAwait(false)).ToImmutableArray(), cancellationToken);

    /// <inheritdoc/>
    public Task CreateOrganizationAsync(Organization organization, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return WriteAsync("CreateOrganization", organization.Slug, async w =>
        {
            var (c, t, ct) = (w.Connection, w.Transaction, w.CancellationToken);
            TenantInvariants.ThrowIfAny(TenantInvariants.CheckCreateOrganization(
                organization,
                idExists: await PgQueries.OrganizationByIdAsync(c, t, organization.Id, ct).ConfigureAwait(false) is not null,
                slugTaken: await PgQueries.OrganizationBySlugAsync(c, t, organization.Slug, ct).ConfigureAwait(false) is not null,
                signupKeyTaken: await PgQueries.SignupKeyTakenByOtherAsync(c, t, organization, ct).ConfigureAwait(false)));
            await w.ExecuteAsync(InsertOrganizationSql, PgRows.OrganizationParameters(organization)).ConfigureAwait(false);
            w.Audit = AuditEvents.OrganizationCreated(organization);
            return [TenantChange.OrganizationCreated(organization)];
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task UpdateOrganizationAsync(Organization organization, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return WriteAsync("UpdateOrganization", organization.Slug, async w =>
        {
            var (c, t, ct) = (w.Connection, w.Transaction, w.CancellationToken);
            var existing = await PgQueries.OrganizationByIdAsync(c, t, organization.Id, ct).ConfigureAwait(false)
                ?? throw new TenantValidationException([TenancyDiagnostics.UnknownOrganization(organization.Slug)]);
            TenantInvariants.ThrowIfAny(TenantInvariants.CheckUpdateOrganization(
                existing,
                organization,
                await PgQueries.SignupKeyTakenByOtherAsync(c, t, organization, ct).ConfigureAwait(false)));
            await w.ExecuteAsync(UpdateOrganizationSql, PgRows.OrganizationParameters(organization)).ConfigureAwait(false);
            w.Audit = AuditEvents.OrganizationUpdated(existing, organization);
            return [TenantChange.OrganizationUpdated(organization)];
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task DeleteOrganizationAsync(Guid organizationId, CancellationToken cancellationToken = default)
    {
        return WriteAsync("DeleteOrganization", null, async w =>
        {
            var (c, t, ct) = (w.Connection, w.Transaction, w.CancellationToken);
            var existing = await PgQueries.OrganizationByIdAsync(c, t, organizationId, ct).ConfigureAwait(false)
                ?? throw new TenantValidationException([TenancyDiagnostics.UnknownOrganization(organizationId.ToString())]);
            w.Organization = existing.Slug;
            TenantInvariants.ThrowIfAny(TenantInvariants.CheckDeleteOrganization(existing));
            var members = await PgQueries.MembershipsOfOrganizationAsync(c, t, existing.Id, ct).ConfigureAwait(false);

            // Memberships go with the organization (ON DELETE CASCADE); the defaults that pointed at it move below,
            // before the deferred foreign key on users.default_organization_id is checked at commit.
            await w.ExecuteAsync("DELETE FROM organizations WHERE id = @id", ("id", existing.Id)).ConfigureAwait(false);

            // Keys outlive their organization, revoked, so token verifiers still learn of them; invitations cascade.
            await w.ExecuteAsync(
                "UPDATE api_keys SET revoked_at = @at, previous_secret_hash = NULL, previous_secret_valid_until = NULL WHERE organization_id = @id AND revoked_at IS NULL",
                ("at", PgAccessRows.Utc(_timeProvider.GetUtcNow())),
                ("id", existing.Id)).ConfigureAwait(false);
            w.Audit = AuditEvents.OrganizationDeleted(existing, members.Count);
            var changes = ImmutableArray.CreateBuilder<TenantChange>();
            changes.Add(TenantChange.OrganizationDeleted(existing.Id, existing.Slug));
            foreach (var membership in members)
            {
                if (await MoveDefaultAwayAsync(w, membership.UserId, existing.Id).ConfigureAwait(false) is { } reassigned)
                {
                    changes.Add(TenantChange.UserUpdated(reassigned));
                }
            }

            return changes.ToImmutable();
        }, cancellationToken);
    }

    /// <summary>
    /// If the user's default organization is <paramref name="leftOrganizationId"/>, makes their remaining membership with the
    /// lowest slug the default (or none) and returns the user as written; otherwise null. The updated time is kept.
    /// </summary>
    private static async Task<User?> MoveDefaultAwayAsync(PgWrite w, Guid userId, Guid leftOrganizationId)
    {
        var user = await PgQueries.UserByIdAsync(w.Connection, w.Transaction, userId, w.CancellationToken).ConfigureAwait(false);
        if (user is null || user.DefaultOrganizationId != leftOrganizationId)
        {
            return null;
        }

        var reassigned = user with { DefaultOrganizationId = await PgQueries.FirstMembershipBySlugAsync(w.Connection, w.Transaction, userId, w.CancellationToken).ConfigureAwait(false) };
        await w.ExecuteAsync(
            "UPDATE users SET default_organization_id = @default WHERE id = @id",
            ("default", reassigned.DefaultOrganizationId),
            ("id", userId)).ConfigureAwait(false);
        return reassigned;
    }
}
