using System.Collections.Immutable;

namespace ConfigResolver.Storage;

/// <summary>A read of the change log: the rows after a revision, in revision order, with the log's bounds.</summary>
/// <param name="Entries">The rows read, in revision order.</param>
/// <param name="OldestRevision">The oldest row the log still holds (older ones were pruned); 0 when it holds none.</param>
/// <param name="LatestRevision">The revision of the last committed write; 0 for a store never written.</param>
public sealed record ChangeLogPage(ImmutableArray<ChangeLogEntry> Entries, long OldestRevision, long LatestRevision)
{
    /// <summary>
    /// Whether rows after <paramref name="afterRevision"/> were pruned before they could be read, so a reader that applied
    /// up to it cannot catch up row by row and must re-read everything.
    /// </summary>
    /// <param name="afterRevision">The last revision the reader applied.</param>
    /// <returns>True when the reader fell behind the retention horizon.</returns>
    public bool IsBehindHorizon(long afterRevision)
    {
        if (LatestRevision <= afterRevision)
        {
            return false;
        }

        return Entries.IsDefaultOrEmpty || Entries[0].Revision > afterRevision + 1;
    }
}
