namespace ConfigResolver.Usage;

/// <summary>A request to reserve units of a meter for one month.</summary>
/// <param name="OrganizationId">The organization.</param>
/// <param name="Team">The team, or null for the organization's own counter only.</param>
/// <param name="Meter">The meter.</param>
/// <param name="Period">The month, <c>yyyy-MM</c> (UTC).</param>
/// <param name="Requested">The units wanted.</param>
/// <param name="Minimum">The fewest units worth granting; fewer than this remaining grants none.</param>
public sealed record UsageReservation(Guid OrganizationId, string? Team, string Meter, string Period, long Requested, long Minimum);
