using System.Collections.Immutable;

namespace ConfigResolver.Auditing;

/// <summary>One page of audit events, newest first.</summary>
/// <param name="Events">The events.</param>
/// <param name="NextBefore">The cursor for the next (older) page, or null when this is the last one.</param>
public sealed record AuditPage(ImmutableArray<AuditEvent> Events, long? NextBefore)
{
    /// <summary>Builds a page from events that match a query, newest first, reading one more than the limit to know whether more exist.</summary>
    /// <param name="newestFirst">Matching events, newest first; at most <paramref name="limit"/> + 1 are looked at.</param>
    /// <param name="limit">The page size.</param>
    /// <returns>The page.</returns>
    public static AuditPage From(IEnumerable<AuditEvent> newestFirst, int limit)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        var events = newestFirst.Take(limit + 1).ToList();
        return events.Count > limit
            ? new AuditPage([.. events.Take(limit)], events[limit - 1].Id)
            : new AuditPage([.. events], null);
    }
}
