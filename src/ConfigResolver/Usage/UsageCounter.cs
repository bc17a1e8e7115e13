namespace ConfigResolver.Usage;

/// <summary>A stored monthly counter.</summary>
/// <param name="Team">The team, or null for the organization's own counter (which includes its teams').</param>
/// <param name="Meter">The meter.</param>
/// <param name="Period">The month, <c>yyyy-MM</c> (UTC).</param>
/// <param name="Consumed">Units consumed and settled.</param>
/// <param name="Leased">Units reserved by instances and not settled yet (an instance that stopped without settling leaves its lease here).</param>
public sealed record UsageCounter(string? Team, string Meter, string Period, long Consumed, long Leased)
{
    /// <summary>Gets the units counted against the limit: consumed and leased.</summary>
    public long Used => Consumed + Leased;
}
