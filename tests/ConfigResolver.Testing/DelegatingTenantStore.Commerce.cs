using System.Collections.Immutable;
using ConfigResolver.Commerce;
using ConfigResolver.Usage;

namespace ConfigResolver.Testing;

public partial class DelegatingTenantStore
{
    public virtual ValueTask<CommerceState> GetCommerceAsync(Guid organizationId, CancellationToken cancellationToken = default) => Inner.GetCommerceAsync(organizationId, cancellationToken);

    public virtual Task<CommerceState> ApplyCommerceAsync(CommerceCommand command, CancellationToken cancellationToken = default) => Inner.ApplyCommerceAsync(command, cancellationToken);

    public virtual ValueTask<UsageGrant> ReserveUsageAsync(UsageReservation reservation, CancellationToken cancellationToken = default) => Inner.ReserveUsageAsync(reservation, cancellationToken);

    public virtual Task ReleaseUsageAsync(UsageRelease release, CancellationToken cancellationToken = default) => Inner.ReleaseUsageAsync(release, cancellationToken);

    public virtual ValueTask<ImmutableArray<UsageCounter>> ListUsageAsync(Guid organizationId, string period, CancellationToken cancellationToken = default) => Inner.ListUsageAsync(organizationId, period, cancellationToken);
}
