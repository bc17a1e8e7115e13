namespace ConfigResolver.Storage;

/// <summary>
/// A store's durable change log: one row per committed write, appended in the write's transaction, revisions growing by
/// one. Other processes and instances read it to catch up; <see cref="ITenantChangeFeed"/> publishes it in revision order.
/// </summary>
/// <remarks>Rows older than <see cref="ResolverOptions.ChangeLogRetention"/> are pruned; the newest row is always kept.</remarks>
public interface IChangeLog
{
    /// <summary>
    /// Gets the revision of the last change this instance published on its change feed (its own writes and the rows it
    /// read from the log); state read from the store now is at least that new.
    /// </summary>
    long PublishedRevision { get; }

    /// <summary>Reads the rows after a revision, oldest first.</summary>
    /// <param name="afterRevision">Read rows with a greater revision.</param>
    /// <param name="maxCount">The most rows to return (at least 1).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rows and the log's bounds.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxCount"/> is less than 1.</exception>
    /// <exception cref="TenantStoreException">The store failed.</exception>
    ValueTask<ChangeLogPage> ReadChangeLogAsync(long afterRevision, int maxCount, CancellationToken cancellationToken = default);
}
