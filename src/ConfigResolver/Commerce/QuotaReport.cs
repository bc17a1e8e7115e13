using System.Collections.Immutable;
using ConfigResolver.Usage;

namespace ConfigResolver.Commerce;

/// <summary>
/// An organization's limits and current usage, in the shape platforms consume (isA's quota endpoint) extended with the
/// other counts and meters: <see cref="Limits"/> are the plan's (null for unlimited), the counts are live, and
/// <see cref="Usage"/> holds this month's counters (consumed and leased).
/// </summary>
/// <param name="Organization">The organization's slug.</param>
/// <param name="Plan">The plan's name.</param>
/// <param name="PlanApplied">Whether a plan's limits were applied (false: no quotas are enforced).</param>
/// <param name="Limits">The limits in force.</param>
/// <param name="Period">The month the usage is for, <c>yyyy-MM</c> (UTC).</param>
public sealed record QuotaReport(string Organization, string Plan, bool PlanApplied, PlanLimits Limits, string Period)
{
    /// <summary>Gets the members, and pending invitations, counted against the plan's members.</summary>
    public CommerceCounts Counts { get; init; }

    /// <summary>Gets the number of teams.</summary>
    public int Teams { get; init; }

    /// <summary>Gets whether the plan was forced although the organization exceeded it.</summary>
    public bool Forced { get; init; }

    /// <summary>Gets this month's counters, the organization's (team null) and each team's.</summary>
    public ImmutableArray<UsageCounter> Usage { get; init; } = [];

    /// <summary>Gets the units used this month on the organization's counter of a meter (consumed and leased).</summary>
    /// <param name="meter">The meter.</param>
    /// <returns>The units.</returns>
    public long Used(string meter) => Usage.Where(c => c.Team is null && c.Meter == meter).Sum(static c => c.Used);
}
