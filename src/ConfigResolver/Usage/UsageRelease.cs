namespace ConfigResolver.Usage;

/// <summary>The end (or a checkpoint) of a lease: units consumed from it and units given back.</summary>
/// <param name="OrganizationId">The organization.</param>
/// <param name="Team">The team, or null.</param>
/// <param name="Meter">The meter.</param>
/// <param name="Period">The month, <c>yyyy-MM</c> (UTC).</param>
/// <param name="Consumed">Units consumed: move from leased to consumed.</param>
/// <param name="Returned">Units not used: no longer leased.</param>
public sealed record UsageRelease(Guid OrganizationId, string? Team, string Meter, string Period, long Consumed, long Returned);
