using System.Collections.Concurrent;
using System.Globalization;
using ConfigResolver.Storage;

namespace ConfigResolver.Usage;

/// <summary>
/// Consumes monthly usage (API calls, tokens, credits, ...) against an organization's plan (and a team's credit allocation)
/// without a store write per request: it reserves blocks of units ("leases") in the store, consumes them locally with one
/// interlocked operation, and settles them (consumed units recorded, unused units returned) on refill at a new month,
/// <see cref="FlushAsync"/> and <see cref="DisposeAsync"/>.
/// </summary>
/// <remarks>
/// Exact across instances within a documented bound: a store reservation never grants more than the limit leaves, so the
/// units consumed by all instances together never exceed the limit; a consumption may be refused while up to
/// (instances − 1) × <see cref="UsageMeterOptions.MaxLease"/> units sit unused in other instances' leases, and an instance
/// that stops without settling leaves its lease counted as used. Months are calendar months in UTC from the injected clock.
/// Safe for concurrent use; a consumption inside a lease completes synchronously without allocating.
/// </remarks>
public sealed class UsageMeter : IAsyncDisposable, IUsageReader
{
    private readonly IUsageStore _store;
    private readonly TimeProvider _timeProvider;
    private readonly UsageMeterOptions _options;
    private readonly ConcurrentDictionary<(Guid Organization, string? Team, string Meter), UsageLease> _leases = new();

    /// <summary>Creates a meter over a store.</summary>
    /// <param name="store">Where leases are reserved and settled.</param>
    /// <param name="timeProvider">The clock that decides the month; the system clock when null.</param>
    /// <param name="options">Lease sizing; defaults when null.</param>
    public UsageMeter(IUsageStore store, TimeProvider? timeProvider = null, UsageMeterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _options = options ?? new UsageMeterOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.InitialLease, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxLease, _options.InitialLease);
    }

    /// <summary>Consumes units of a meter if the month's limit allows.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="team">The team whose allocation (for credits) the units also draw from, or null.</param>
    /// <param name="meter">The meter: <c>api_calls</c>, <c>tokens</c>, <c>credits</c> or one the plan names.</param>
    /// <param name="amount">The units, at least 1.</param>
    /// <param name="cancellationToken">Cancels a store reservation.</param>
    /// <returns>Allowed or refused, with what remains; synchronous and allocation-free inside a lease.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is not positive.</exception>
    /// <exception cref="Commerce.QuotaException">Unknown team (QTA6011) or meter (QTA6020).</exception>
    /// <exception cref="Validation.TenantValidationException">Unknown organization (TEN2005).</exception>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    public ValueTask<UsageDecision> TryConsumeAsync(Guid organizationId, string? team, string meter, long amount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, 1);
        var now = _timeProvider.GetUtcNow().UtcTicks;
        if (_leases.TryGetValue((organizationId, team, meter), out var lease) && now < lease.PeriodEndTicks && lease.TryTake(amount, out var left))
        {
            return new ValueTask<UsageDecision>(new UsageDecision(true, lease.StoreRemaining is { } free ? free + left : null));
        }

        return ConsumeSlowAsync(organizationId, team, meter, amount, cancellationToken);
    }

    /// <summary>Settles every lease: consumed units are recorded in the store and unused units returned.</summary>
    /// <param name="cancellationToken">Cancels between settlements.</param>
    /// <returns>A task that completes when every lease is settled.</returns>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        foreach (var lease in _leases.Values)
        {
            await lease.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await SettleAsync(lease, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                lease.Gate.Release();
            }
        }
    }

    /// <summary>
    /// The units of a counter used this month as this instance knows them: what the store counted at this instance's
    /// last lease refill, less the lease's units not consumed yet. Other instances' unused leases count as used, so it
    /// is high by at most their lease sizes (the same bound as <see cref="TryConsumeAsync"/>'s refusals).
    /// </summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="team">The team, or null for the organization's counter.</param>
    /// <param name="meter">The meter.</param>
    /// <returns>The units used, or null when this instance has not consumed from the counter this month.</returns>
    /// <remarks>Lock-free; safe for concurrent use with consumptions.</remarks>
    public long? GetUsed(Guid organizationId, string? team, string meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        if (!_leases.TryGetValue((organizationId, team, meter), out var lease) || _timeProvider.GetUtcNow().UtcTicks >= lease.PeriodEndTicks
            || lease.LastRefillTicks == 0)
        {
            return null;
        }

        return Math.Max(0, lease.StoreUsed - Math.Max(0, lease.Remaining));
    }

    /// <summary>Settles every lease (see <see cref="FlushAsync"/>).</summary>
    /// <returns>A task that completes when every lease is settled.</returns>
    public async ValueTask DisposeAsync() => await FlushAsync().ConfigureAwait(false);

    private async ValueTask<UsageDecision> ConsumeSlowAsync(Guid organizationId, string? team, string meter, long amount, CancellationToken cancellationToken)
    {
        var key = (organizationId, team, meter);
        while (true)
        {
            var now = _timeProvider.GetUtcNow();
            var lease = _leases.GetOrAdd(key, k => NewLease(k, now));
            await lease.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (now.UtcTicks >= lease.PeriodEndTicks)
                {
                    // A new month: settle the old month's lease and start a fresh one.
                    await SettleAsync(lease, cancellationToken).ConfigureAwait(false);
                    _leases.TryUpdate(key, NewLease(key, now, lease.Size), lease);
                    continue;
                }

                if (!ReferenceEquals(_leases.GetValueOrDefault(key), lease))
                {
                    continue;
                }

                if (lease.TryTake(amount, out var left))
                {
                    return new UsageDecision(true, lease.StoreRemaining is { } free ? free + left : null);
                }

                return await RefillAsync(lease, amount, now, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                lease.Gate.Release();
            }
        }
    }

    private async ValueTask<UsageDecision> RefillAsync(UsageLease lease, long amount, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var need = amount - Math.Max(0, lease.Remaining);
        Resize(lease, now.UtcTicks);
        var grant = await _store.ReserveUsageAsync(new UsageReservation(lease.OrganizationId, lease.Team, lease.Meter, lease.Period, Math.Max(need, lease.Size), need), cancellationToken).ConfigureAwait(false);
        lease.StoreRemaining = grant.Remaining;
        lease.StoreUsed = grant.Used;
        lease.LastRefillTicks = now.UtcTicks;
        if (grant.Granted > 0)
        {
            lease.Granted += grant.Granted;
            lease.Add(grant.Granted);
            if (lease.TryTake(amount, out var left))
            {
                return new UsageDecision(true, grant.Remaining is { } free ? free + left : null);
            }
        }

        return new UsageDecision(false, grant.Remaining is { } rest ? rest + Math.Max(0, lease.Remaining) : null);
    }

    /// <summary>Doubles the lease when refills come faster than the target interval, halves it when slower; never above what the store had free / 4.</summary>
    private void Resize(UsageLease lease, long nowTicks)
    {
        if (lease.LastRefillTicks != 0)
        {
            var since = nowTicks - lease.LastRefillTicks;
            var target = _options.TargetRefillInterval.Ticks;
            lease.Size = since < target ? Math.Min(lease.Size * 2, _options.MaxLease) : since > 4 * target ? Math.Max(lease.Size / 2, 1) : lease.Size;
        }

        if (lease.StoreRemaining is { } free)
        {
            lease.Size = Math.Max(1, Math.Min(lease.Size, free / 4));
        }
    }

    private async Task SettleAsync(UsageLease lease, CancellationToken cancellationToken)
    {
        var (consumed, returned) = lease.Drain();
        lease.StoreUsed -= returned;
        if (consumed > 0 || returned > 0)
        {
            await _store.ReleaseUsageAsync(new UsageRelease(lease.OrganizationId, lease.Team, lease.Meter, lease.Period, consumed, returned), cancellationToken).ConfigureAwait(false);
        }
    }

    private UsageLease NewLease((Guid Organization, string? Team, string Meter) key, DateTimeOffset now, long? size = null)
    {
        var utc = now.UtcDateTime;
        var end = new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
        return new UsageLease(key.Organization, key.Team, key.Meter, utc.ToString("yyyy-MM", CultureInfo.InvariantCulture), end.UtcTicks, size ?? _options.InitialLease);
    }
}
