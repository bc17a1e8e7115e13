using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using ConfigResolver.Testing;

namespace ConfigResolver.Tests.Resolution;

/// <summary>Counts organization reads by slug.</summary>
internal sealed class CountingStore(ITenantStore inner) : DelegatingTenantStore(inner)
{
    private int _organizationReads;

    public int OrganizationReads => Volatile.Read(ref _organizationReads);

    public override ValueTask<Organization?> FindOrganizationBySlugAsync(string slug, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _organizationReads);
        return base.FindOrganizationBySlugAsync(slug, cancellationToken);
    }
}
