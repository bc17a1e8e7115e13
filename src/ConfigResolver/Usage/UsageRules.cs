using ConfigResolver.Commerce;
using ConfigResolver.Validation;

namespace ConfigResolver.Usage;

/// <summary>The reservation rule every store applies inside its transaction.</summary>
public static class UsageRules
{
    /// <summary>The longest meter name.</summary>
    public const int MaxMeterLength = 63;

    /// <summary>Computes what a reservation gets.</summary>
    /// <param name="slug">The organization.</param>
    /// <param name="state">Its plan and teams, read in the transaction.</param>
    /// <param name="reservation">The reservation.</param>
    /// <param name="organizationUsed">Units used (consumed and leased) on the organization's counter.</param>
    /// <param name="teamUsed">Units used on the team's counter (0 without a team).</param>
    /// <returns>The grant.</returns>
    /// <exception cref="QuotaException">Unknown team (QTA6011) or meter (QTA6020), or a malformed amount (QTA6021).</exception>
    public static UsageGrant Reserve(string slug, CommerceState state, UsageReservation reservation, long organizationUsed, long teamUsed)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(reservation);
        var (limit, teamLimit) = Limits(slug, state, reservation.Team, reservation.Meter);
        if (reservation.Requested <= 0 || reservation.Minimum <= 0 || reservation.Minimum > reservation.Requested)
        {
            throw new QuotaException(QuotaDiagnostics.About(QuotaDiagnosticCodes.InvalidAmount, slug, $"usage: expected a positive amount; found {reservation.Requested}."));
        }

        var free = Min(limit - organizationUsed, teamLimit - teamUsed);
        var granted = free is { } left ? Math.Min(reservation.Requested, Math.Max(0, left)) : reservation.Requested;
        if (granted < reservation.Minimum)
        {
            granted = 0;
        }

        return new UsageGrant(granted, Min(limit, teamLimit), free is { } f ? Math.Max(0, f - granted) : null)
        {
            Used = (reservation.Team is null ? organizationUsed : teamUsed) + granted,
        };
    }

    /// <summary>Gets a meter's monthly limit for the organization and, for credits, the team's allocation.</summary>
    /// <param name="slug">The organization.</param>
    /// <param name="state">Its plan and teams.</param>
    /// <param name="team">The team, or null.</param>
    /// <param name="meter">The meter.</param>
    /// <returns>The organization's limit and the team's (null for unlimited).</returns>
    /// <exception cref="QuotaException">Unknown team (QTA6011) or meter (QTA6020).</exception>
    public static (long? Organization, long? Team) Limits(string slug, CommerceState state, string? team, string meter)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(meter);
        if (!IsValidMeter(meter) || (!state.Limits.TryGetMeterLimit(meter, out var limit) && state.Plan is not null))
        {
            var known = string.Join(", ", new[] { PlanLimits.ApiCallsMeter, PlanLimits.TokensMeter, PlanLimits.CreditsMeter }.Concat(state.Limits.Meters.Keys).Select(ValueDescriber.Quote));
            throw new QuotaException(QuotaDiagnostics.About(QuotaDiagnosticCodes.UnknownMeter, slug, $"usage: unknown meter {ValueDescriber.Quote(meter)}; expected one of {known}.", "/meters/" + meter));
        }

        long? teamLimit = null;
        if (team is not null)
        {
            var found = state.FindTeam(team)
                ?? throw new QuotaException(QuotaDiagnostics.About(QuotaDiagnosticCodes.UnknownTeam, slug, $"unknown team {ValueDescriber.Quote(team)}.", "/teams/" + team));
            teamLimit = meter == PlanLimits.CreditsMeter ? found.Credits : null;
        }

        return (limit, teamLimit);
    }

    /// <summary>Whether a meter name is well formed: 1-63 lowercase letters, digits or '_'.</summary>
    /// <param name="meter">The name.</param>
    /// <returns>Whether it is.</returns>
    public static bool IsValidMeter(string meter) =>
        meter is { Length: > 0 and <= MaxMeterLength } && meter.All(static c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');

    /// <summary>The month a time falls in, <c>yyyy-MM</c> in UTC.</summary>
    /// <param name="time">The time.</param>
    /// <returns>The period.</returns>
    public static string PeriodOf(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    private static long? Min(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);
}
