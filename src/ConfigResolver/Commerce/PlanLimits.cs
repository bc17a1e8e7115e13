using System.Collections.Immutable;

namespace ConfigResolver.Commerce;

/// <summary>
/// What a plan allows an organization: counts checked when something is added (members, API keys, teams) and monthly
/// meters checked when usage is consumed. <c>null</c> means unlimited.
/// </summary>
public sealed record PlanLimits
{
    /// <summary>The meter of API calls.</summary>
    public const string ApiCallsMeter = "api_calls";

    /// <summary>The meter of model tokens.</summary>
    public const string TokensMeter = "tokens";

    /// <summary>The meter of credits.</summary>
    public const string CreditsMeter = "credits";

    /// <summary>Gets the most members, pending invitations included; null for unlimited.</summary>
    public int? Members { get; init; }

    /// <summary>Gets the most API keys that are not revoked; null for unlimited.</summary>
    public int? ApiKeys { get; init; }

    /// <summary>Gets the most teams, the default team included; null for unlimited.</summary>
    public int? Teams { get; init; }

    /// <summary>Gets the API calls per calendar month (UTC); null for unlimited.</summary>
    public long? ApiCallsPerMonth { get; init; }

    /// <summary>Gets the tokens per calendar month (UTC); null for unlimited.</summary>
    public long? TokensPerMonth { get; init; }

    /// <summary>Gets the storage in GB; null for unlimited.</summary>
    public long? StorageGb { get; init; }

    /// <summary>Gets the credits per calendar month (UTC); null for unlimited.</summary>
    public long? CreditsPerMonth { get; init; }

    /// <summary>Gets the features the plan includes.</summary>
    public ImmutableArray<string> Features { get; init; } = [];

    /// <summary>Gets further monthly meters the plan names, by meter name (null for unlimited).</summary>
    public ImmutableSortedDictionary<string, long?> Meters { get; init; } = ImmutableSortedDictionary.Create<string, long?>(StringComparer.Ordinal);

    /// <summary>Gets a plan that limits nothing (an organization whose plan was never applied).</summary>
    public static PlanLimits Unlimited { get; } = new();

    /// <summary>Gets the monthly limit of a meter.</summary>
    /// <param name="meter">The meter: <c>api_calls</c>, <c>tokens</c>, <c>credits</c> or one the plan names.</param>
    /// <param name="limit">The limit, or null for unlimited.</param>
    /// <returns>Whether the meter is known: one of the three built-in meters or one the plan names.</returns>
    public bool TryGetMeterLimit(string meter, out long? limit)
    {
        ArgumentNullException.ThrowIfNull(meter);
        switch (meter)
        {
            case ApiCallsMeter:
                limit = ApiCallsPerMonth;
                return true;
            case TokensMeter:
                limit = TokensPerMonth;
                return true;
            case CreditsMeter:
                limit = CreditsPerMonth;
                return true;
            default:
                return Meters.TryGetValue(meter, out limit);
        }
    }

    /// <inheritdoc/>
    public bool Equals(PlanLimits? other) =>
        other is not null
        && Members == other.Members && ApiKeys == other.ApiKeys && Teams == other.Teams
        && ApiCallsPerMonth == other.ApiCallsPerMonth && TokensPerMonth == other.TokensPerMonth
        && StorageGb == other.StorageGb && CreditsPerMonth == other.CreditsPerMonth
        && Features.SequenceEqual(other.Features)
        && Meters.Count == other.Meters.Count && Meters.All(p => other.Meters.TryGetValue(p.Key, out var v) && v == p.Value);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Members, ApiKeys, Teams, ApiCallsPerMonth, CreditsPerMonth);
}
