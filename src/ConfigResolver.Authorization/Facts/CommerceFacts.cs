using System.Collections.Frozen;
using System.Collections.Immutable;
using ConfigResolver.Commerce;
using ConfigResolver.Policy;

namespace ConfigResolver.Authorization.Facts;

/// <summary>
/// One organization's plan limits and teams as rules read them (<c>quota.*</c>, <c>team.*</c>), built once per change of
/// its commerce document so a check reads them without allocating: the limits boxed once, each user's teams as an array.
/// </summary>
/// <remarks>Immutable.</remarks>
internal sealed class CommerceFacts
{
    private static readonly string[] s_none = [];

    public CommerceFacts(CommerceState state)
    {
        State = state;
        Quota = new QuotaView(state.Plan is null ? null : state.Limits);
        Teams = state.Teams.ToFrozenDictionary(static t => t.Name, static t => new TeamFacts(t), StringComparer.Ordinal);
        TeamsOfUser = state.Teams.SelectMany(static t => t.Members.Select(m => (Member: m, t.Name)))
            .GroupBy(static p => p.Member)
            .ToFrozenDictionary(static g => g.Key, static g => g.Select(static p => p.Name).Order(StringComparer.Ordinal).ToArray());
    }

    /// <summary>No plan applied and no teams (an organization without a commerce document).</summary>
    public static CommerceFacts None { get; } = new(new CommerceState(Guid.Empty));

    public CommerceState State { get; }

    /// <summary>The <c>quota</c> variable.</summary>
    public QuotaView Quota { get; }

    public FrozenDictionary<string, TeamFacts> Teams { get; }

    /// <summary>A user's teams in this organization, by name (ordinal order).</summary>
    public FrozenDictionary<Guid, string[]> TeamsOfUser { get; }

    public string[] TeamsOf(Guid? user) => user is { } id && TeamsOfUser.TryGetValue(id, out var names) ? names : s_none;
}

/// <summary>One team as rules read it: name, default flag, credit allocation, model groups, members.</summary>
internal sealed class TeamFacts(Team team)
{
    public string Name { get; } = team.Name;

    public object IsDefault { get; } = team.IsDefault;

    public object? Credits { get; } = team.Credits;

    public string[] ModelGroups { get; } = [.. team.ModelGroups];

    public FrozenSet<Guid> Members { get; } = team.Members.ToFrozenSet();
}

/// <summary>
/// The <c>quota</c> variable: the limits of the plan applied to the organization (null for unlimited, and for every
/// limit when no plan is applied), <c>unlimited</c> (the names of those limits), <c>features</c>, <c>plan_applied</c>, and
/// further meters by name.
/// </summary>
internal sealed class QuotaView : IAttributeSource
{
    private readonly FrozenDictionary<string, object?> _values;

    public QuotaView(PlanLimits? limits)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["plan_applied"] = limits is not null,
            ["members"] = limits?.Members,
            ["api_keys"] = limits?.ApiKeys,
            ["teams"] = limits?.Teams,
            ["api_calls_per_month"] = limits?.ApiCallsPerMonth,
            ["tokens_per_month"] = limits?.TokensPerMonth,
            ["credits_per_month"] = limits?.CreditsPerMonth,
            ["storage_gb"] = limits?.StorageGb,
            ["features"] = limits is null ? Array.Empty<string>() : limits.Features.ToArray(),
        };
        foreach (var meter in limits?.Meters ?? ImmutableSortedDictionary<string, long?>.Empty)
        {
            values.TryAdd(meter.Key, meter.Value);
        }

        // Conditions have no null literal: 'credits_per_month' in quota.unlimited guards a comparison with a missing limit.
        values["unlimited"] = values.Where(static p => p.Value is null).Select(static p => p.Key).Order(StringComparer.Ordinal).ToArray();

        _values = values.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <inheritdoc/>
    public bool TryGetAttribute(string name, out object? value) => _values.TryGetValue(name, out value) && value is not null;
}
