namespace ConfigResolver.Usage;

/// <summary>
/// How many units of a meter an organization (or one of its teams) has used this month (UTC), answered without I/O, for
/// rules that read <c>usage.*</c>. <see cref="UsageMeter"/> answers from its leases; <see cref="UsageCounterReader"/>
/// from counters read from a store.
/// </summary>
/// <remarks>Implementations are safe for concurrent use and never block: a check calls them while it decides.</remarks>
public interface IUsageReader
{
    /// <summary>Gets the units used this month.</summary>
    /// <param name="organizationId">The organization.</param>
    /// <param name="team">The team, or null for the organization's own counter (which includes its teams').</param>
    /// <param name="meter">The meter, such as <c>credits</c>.</param>
    /// <returns>The units used, or null when this reader does not know the counter.</returns>
    long? GetUsed(Guid organizationId, string? team, string meter);
}
