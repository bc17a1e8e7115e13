using System.Collections.Immutable;
using ConfigResolver.Auditing;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Storage;

public sealed partial class InMemoryTenantStore
{
    /// <inheritdoc/>
    public ValueTask<Organization?> GetOrganizationAsync(Guid organizationId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new(State.Organizations.GetValueOrDefault(organizationId));
    }

    /// <inheritdoc/>
    public ValueTask<Organization?> FindOrganizationBySlugAsync(string slug, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(slug);
        cancellationToken.ThrowIfCancellationRequested();
        return new(State.FindBySlug(slug));
    }

    /// <inheritdoc/>
    public ValueTask<Organization> GetSystemOrganizationAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var organization in State.Organizations.Values)
        {
            if (organization.IsSystem)
            {
                return new(organization);
            }
        }

        throw new TenantStoreException("GetSystemOrganization", null, null, isTransient: false, "the store has no system organization");
    }

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<OrganizationSummary>> ListOrganizationSummariesAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var state = State;
        var builder = ImmutableArray.CreateBuilder<OrganizationSummary>(state.Organizations.Count);
        foreach (var id in state.OrganizationsBySlug.Values)
        {
            var o = state.Organizations[id];
            builder.Add(new OrganizationSummary(o.Id, o.Slug, o.Name, o.IsSystem, o.Status, o.Plan, state.MembersOf(o.Id).Count));
        }

        builder.Sort(static (a, b) => string.CompareOrdinal(a.Slug, b.Slug));
        return new(builder.MoveToImmutable());
    }

    /// <inheritdoc/>
    public ValueTask<ImmutableArray<Organization>> ListOrganizationsAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var state = State;
        var builder = ImmutableArray.CreateBuilder<Organization>(state.Organizations.Count);
        foreach (var id in state.OrganizationsBySlug.Values)
        {
            builder.Add(state.Organizations[id]);
        }

        builder.Sort(static (a, b) => string.CompareOrdinal(a.Slug, b.Slug));
        return new(builder.MoveToImmutable());
    }

    /// <inheritdoc/>
    public Task CreateOrganizationAsync(Organization organization, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return WriteAsync(state =>
        {
            TenantInvariants.ThrowIfAny(TenantInvariants.CheckCreateOrganization(
                organization,
                idExists: state.Organizations.ContainsKey(organization.Id),
                slugTaken: state.OrganizationsBySlug.ContainsKey(organization.Slug),
                signupKeyTaken: state.SignupKeyTakenByOther(organization)));
            return (state.WithOrganization(organization), [TenantChange.OrganizationCreated(organization)], AuditEvents.OrganizationCreated(organization));
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task UpdateOrganizationAsync(Organization organization, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return WriteAsync(state =>
        {
            var existing = state.Organizations.GetValueOrDefault(organization.Id)
                ?? throw Unknown(TenancyDiagnostics.UnknownOrganization(organization.Slug));
            TenantInvariants.ThrowIfAny(TenantInvariants.CheckUpdateOrganization(existing, organization, state.SignupKeyTakenByOther(organization)));
            return (state.WithOrganization(organization), [TenantChange.OrganizationUpdated(organization)], AuditEvents.OrganizationUpdated(existing, organization));
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task DeleteOrganizationAsync(Guid organizationId, CancellationToken cancellationToken = default)
    {
        return WriteAsync(state =>
        {
            var existing = state.Organizations.GetValueOrDefault(organizationId)
                ?? throw Unknown(TenancyDiagnostics.UnknownOrganization(organizationId.ToString()));
            TenantInvariants.ThrowIfAny(TenantInvariants.CheckDeleteOrganization(existing));
            var next = state.WithoutOrganization(existing).WithOrganizationKeysRevoked(existing.Id, _timeProvider.GetUtcNow()) with { Commerce = state.Commerce.Remove(existing.Id) };
            var changes = ImmutableArray.CreateBuilder<TenantChange>();
            changes.Add(TenantChange.OrganizationDeleted(existing.Id, existing.Slug));
            foreach (var userId in state.MembersOf(existing.Id).Keys)
            {
                var user = next.Users[userId];
                if (user.DefaultOrganizationId == existing.Id)
                {
                    var reassigned = user with { DefaultOrganizationId = next.FirstMembershipBySlug(userId) };
                    next = next.WithUser(reassigned);
                    changes.Add(TenantChange.UserUpdated(reassigned));
                }
            }

            return (next, changes.ToImmutable(), AuditEvents.OrganizationDeleted(existing, state.MembersOf(existing.Id).Count));
        }, cancellationToken);
    }

    private static Validation.TenantValidationException Unknown(Diagnostics.Diagnostic diagnostic) => new([diagnostic]);
}
