using ConfigResolver.Auditing;

namespace ConfigResolver.Storage;

public sealed partial class InMemoryTenantStore
{
    /// <inheritdoc/>
    public ValueTask<AuditPage> QueryAuditAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        var audit = State.Audit;
        return new(AuditPage.From(Newest(audit).Where(query.Matches), query.Limit));
    }

    private static IEnumerable<AuditEvent> Newest(System.Collections.Immutable.ImmutableList<AuditEvent> events)
    {
        for (var i = events.Count - 1; i >= 0; i--)
        {
            yield return events[i];
        }
    }
}
