namespace ConfigResolver.Usage;

/// <summary>What a reservation got.</summary>
/// <param name="Granted">The units reserved (0 when refused).</param>
/// <param name="Limit">The tighter of the plan's limit and the team's allocation, or null for unlimited.</param>
/// <param name="Remaining">The units still free after this reservation (consumed and leased units excluded), or null for unlimited.</param>
public readonly record struct UsageGrant(long Granted, long? Limit, long? Remaining)
{
    /// <summary>
    /// The reserved counter's units used after this reservation (consumed plus leased, this grant included): the
    /// team's counter for a team's reservation, else the organization's.
    /// </summary>
    public long Used { get; init; }
}
