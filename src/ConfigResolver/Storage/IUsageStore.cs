using System.Collections.Immutable;
using ConfigResolver.Usage;

namespace ConfigResolver.Storage;

/// <summary>
/// Monthly usage counters, per organization and team, that instances reserve blocks ("leases") of. A reservation checks the
/// plan's limit (and the team's credit allocation) inside its transaction, so the units reserved by every instance together
/// never exceed the limit. Counters are telemetry, not administrative writes: no change-log row, no audit event.
/// </summary>
public interface IUsageStore
{
    /// <summary>Reserves up to <see cref="UsageReservation.Requested"/> units (at least <see cref="UsageReservation.Minimum"/>, or none).</summary>
    /// <param name="reservation">What to reserve.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The units granted (0 when fewer than the minimum remain) and what remains.</returns>
    /// <exception cref="Validation.TenantValidationException">Unknown organization (TEN2005).</exception>
    /// <exception cref="Commerce.QuotaException">Unknown team (QTA6011) or meter (QTA6020).</exception>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    ValueTask<UsageGrant> ReserveUsageAsync(UsageReservation reservation, CancellationToken cancellationToken = default);

    /// <summary>Settles a lease: records the units consumed from it and gives back the rest.</summary>
    /// <param name="release">What was consumed and what is returned.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the write is committed.</returns>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    Task ReleaseUsageAsync(UsageRelease release, CancellationToken cancellationToken = default);

    /// <summary>Reads an organization's counters of one month (the organization's own and each team's).</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="period">The month, <c>yyyy-MM</c> (UTC).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The counters, by team (organization first) then meter.</returns>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    ValueTask<ImmutableArray<UsageCounter>> ListUsageAsync(Guid organizationId, string period, CancellationToken cancellationToken = default);
}
