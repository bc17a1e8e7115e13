namespace ConfigResolver.Authorization;

/// <summary>
/// How an <see cref="AuthorizationService"/>'s checks were answered since it started: from the decision cache (a hit) or
/// by evaluating the policy (a miss: the cache is off, cannot hold this check, or had no entry). One instance lives for
/// the service's lifetime, across every snapshot it publishes.
/// </summary>
/// <remarks>
/// The check path only adds to a per-thread stripe (no lock, no interlocked instruction, 0 bytes); the totals are summed
/// when read, for example by a metrics listener. Two threads sharing a stripe may rarely lose one increment.
/// </remarks>
public sealed class DecisionCacheStatistics
{
    private readonly StripedCounter _hits = new();
    private readonly StripedCounter _misses = new();

    /// <summary>Gets the checks answered from the decision cache.</summary>
    public long Hits => _hits.Total;

    /// <summary>Gets the checks that evaluated the policy.</summary>
    public long Misses => _misses.Total;

    internal void Hit() => _hits.Increment();

    internal void Miss() => _misses.Increment();
}
