namespace ConfigResolver.Auditing;

/// <summary>
/// Reads a store's audit log. There is no write or delete method: stores append an event inside each administrative
/// write's own transaction, and the SQL stores refuse <c>UPDATE</c> and <c>DELETE</c> on the table.
/// </summary>
/// <remarks>Implementations are safe for concurrent use; reads never wait for writes.</remarks>
public interface IAuditLog
{
    /// <summary>Reads one page of events matching a query, newest first.</summary>
    /// <param name="query">Filters, cursor and page size.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The query's limit is out of range.</exception>
    /// <exception cref="Storage.TenantStoreException">The store failed.</exception>
    ValueTask<AuditPage> QueryAuditAsync(AuditQuery query, CancellationToken cancellationToken = default);
}
