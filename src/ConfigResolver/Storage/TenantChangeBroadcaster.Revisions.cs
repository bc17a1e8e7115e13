using System.Collections.Immutable;

namespace ConfigResolver.Storage;

public sealed partial class TenantChangeBroadcaster
{
    // Written only by the publishing thread (callers serialize publishing), read by anyone. Set after the handlers
    // ran, so a reader that sees revision R knows every handler has already applied R.
    private long _publishedRevision;

    /// <summary>Gets the revision of the last write published (see <see cref="IChangeLog.PublishedRevision"/>).</summary>
    public long PublishedRevision => Volatile.Read(ref _publishedRevision);

    /// <summary>Sets the starting revision when a store opens: nothing before it will be published.</summary>
    /// <param name="revision">The store's latest revision at open.</param>
    public void StartAt(long revision) => Volatile.Write(ref _publishedRevision, revision);

    /// <summary>
    /// Publishes one committed write's changes stamped with its revision, unless that revision was already published.
    /// </summary>
    /// <param name="revision">The write's revision; must follow <see cref="PublishedRevision"/>.</param>
    /// <param name="changes">The write's changes, first one first.</param>
    public void PublishCommitted(long revision, ImmutableArray<TenantChange> changes)
    {
        if (revision <= PublishedRevision)
        {
            return;
        }

        foreach (var change in changes)
        {
            Publish(change.Revision == revision ? change : change with { Revision = revision });
        }

        Volatile.Write(ref _publishedRevision, revision);
    }

    /// <summary>
    /// Publishes the rows of a change-log read that were not published yet, in revision order. When rows between
    /// <see cref="PublishedRevision"/> and the page were pruned (the reader fell behind the retention horizon), publishes
    /// one <see cref="TenantChangeKind.Reset"/> at the log's latest revision instead, so subscribers re-read everything.
    /// </summary>
    /// <param name="page">The rows read after (at most) <see cref="PublishedRevision"/>.</param>
    /// <param name="toChanges">Builds a row's changes, re-reading its entities (<c>ChangeLogEntry.ToChanges</c>).</param>
    public void PublishFromLog(ChangeLogPage page, Func<ChangeLogEntry, ImmutableArray<TenantChange>> toChanges)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(toChanges);
        if (page.IsBehindHorizon(PublishedRevision))
        {
            PublishCommitted(page.LatestRevision, [TenantChange.Reset(page.LatestRevision)]);
            return;
        }

        foreach (var entry in page.Entries)
        {
            var published = PublishedRevision;
            if (entry.Revision <= published)
            {
                continue;
            }

            if (entry.Revision != published + 1)
            {
                // Revisions grow by one, so a hole means rows were lost to pruning mid-read: re-read everything.
                PublishCommitted(page.LatestRevision, [TenantChange.Reset(page.LatestRevision)]);
                return;
            }

            PublishCommitted(entry.Revision, toChanges(entry));
        }
    }
}
