using System.Collections.Immutable;
using ConfigResolver.Storage;
using Microsoft.Data.Sqlite;

namespace ConfigResolver.Sqlite.Internal;

/// <summary>
/// Change-log rows this store has not published yet, with their changes expanded from the same transaction (so each
/// entity is read as of the log's head), ready to publish in revision order.
/// </summary>
internal sealed class CatchUp
{
    /// <summary>
    /// The most rows read and expanded at once. A store further behind publishes a reset instead of re-reading every
    /// entity of every row: its subscribers re-read everything once, which is cheaper.
    /// </summary>
    public const int MaxRows = 10_000;

    private readonly ChangeLogPage _page;
    private readonly Dictionary<long, ImmutableArray<TenantChange>> _changes;

    private CatchUp(ChangeLogPage page, Dictionary<long, ImmutableArray<TenantChange>> changes)
    {
        _page = page;
        _changes = changes;
    }

    public long LatestRevision => _page.LatestRevision;

    /// <summary>Reads the rows after <paramref name="afterRevision"/> and the entities they name, in the caller's transaction.</summary>
    public static CatchUp Read(SqliteConnection connection, SqliteTransaction? transaction, long afterRevision)
    {
        var page = SqliteChangeLog.Read(connection, transaction, afterRevision, MaxRows);
        if (page.Entries.Length == MaxRows && page.Entries[^1].Revision < page.LatestRevision)
        {
            page = page with { Entries = [] };
        }

        var changes = new Dictionary<long, ImmutableArray<TenantChange>>(page.Entries.Length);
        foreach (var entry in page.Entries)
        {
            changes[entry.Revision] = SqliteChangeLog.Expand(connection, transaction, entry);
        }

        return new CatchUp(page, changes);
    }

    /// <summary>Publishes the rows not published yet (or a reset when rows were pruned); the caller serializes publishing.</summary>
    public void Publish(TenantChangeBroadcaster broadcaster) => broadcaster.PublishFromLog(_page, entry => _changes[entry.Revision]);
}
