using System.Collections.Frozen;

namespace ConfigResolver.Usage;

/// <summary>
/// An <see cref="IUsageReader"/> over counters read once from a store (<c>IUsageStore.ListUsageAsync</c>): consumed plus
/// leased units of one month. A counter that was never written reads as 0 for the organizations it was built for.
/// </summary>
/// <remarks>Immutable; safe for concurrent use. For one-shot decisions (<c>cfgr check</c>, tests); a server uses <see cref="UsageMeter"/>.</remarks>
public sealed class UsageCounterReader : IUsageReader
{
    private readonly FrozenDictionary<(Guid Organization, string Team, string Meter), long> _used;
    private readonly FrozenSet<Guid> _organizations;

    /// <summary>Creates the reader.</summary>
    /// <param name="counters">Each organization's counters of the month.</param>
    /// <exception cref="ArgumentNullException"><paramref name="counters"/> is null.</exception>
    public UsageCounterReader(IEnumerable<KeyValuePair<Guid, IReadOnlyList<UsageCounter>>> counters)
    {
        ArgumentNullException.ThrowIfNull(counters);
        var list = counters.ToList();
        _organizations = list.Select(static p => p.Key).ToFrozenSet();
        _used = list.SelectMany(static p => p.Value.Select(c => KeyValuePair.Create((p.Key, c.Team ?? string.Empty, c.Meter), c.Used)))
            .GroupBy(static p => p.Key)
            .ToFrozenDictionary(static g => g.Key, static g => g.Sum(static p => p.Value));
    }

    /// <inheritdoc/>
    public long? GetUsed(Guid organizationId, string? team, string meter) =>
        _used.TryGetValue((organizationId, team ?? string.Empty, meter), out var used) ? used
        : _organizations.Contains(organizationId) ? 0 : null;
}
