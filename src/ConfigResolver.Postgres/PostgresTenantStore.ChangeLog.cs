using System.Collections.Immutable;
using System.Data;
using ConfigResolver.Postgres.Internal;
using ConfigResolver.Storage;
using Npgsql;

namespace ConfigResolver.Postgres;

public sealed partial class PostgresTenantStore
{
    /// <inheritdoc/>
    public long PublishedRevision => _changes.PublishedRevision;

    /// <summary>
    /// Gets whether the listener is connected (and since when), or down with the reason (no password in it). While it is
    /// down, reads and writes keep working but cached state may miss other instances' writes until it reconnects and
    /// catches up. Always up when <see cref="PostgresStoreOptions.ListenForChanges"/> is off.
    /// </summary>
    public ChangeFeedHealth FeedHealth => _listener?.Health ?? new ChangeFeedHealth(true, DateTimeOffset.MinValue, null);

    /// <inheritdoc/>
    public ValueTask<ChangeLogPage> ReadChangeLogAsync(long afterRevision, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        return ReadAsync(
            "ReadChangeLog",
            null,
            async (c, ct) =>
            {
                var transaction = await c.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct).ConfigureAwait(false);
                await using (transaction.ConfigureAwait(false))
                {
                    return await PgChangeLog.ReadAsync(c, transaction, afterRevision, maxCount, ct).ConfigureAwait(false);
                }
            },
            cancellationToken);
    }

    /// <summary>
    /// Reads the rows this instance has not published (one statement) and the entities they name (read right after, so
    /// at least as new as the rows: a row whose entity changed again is followed by that change's own row), then publishes
    /// them under the write lock. No transaction: two or three round trips per notification. Called by the listener on
    /// every (re)connect and notification. Provider failures propagate raw; the listener reconnects.
    /// </summary>
    internal async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        while (!_disposed)
        {
            (ChangeLogPage Page, Dictionary<long, ImmutableArray<TenantChange>> Changes) missed;
            var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                missed = await ReadMissedAsync(connection, null, cancellationToken).ConfigureAwait(false);
            }

            await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (_disposed)
                {
                    return;
                }

                _changes.PublishFromLog(missed.Page, entry => missed.Changes[entry.Revision]);
            }
            finally
            {
                _writeLock.Release();
            }

            if (_changes.PublishedRevision >= missed.Page.LatestRevision)
            {
                return;
            }
        }
    }

    private async Task<(ChangeLogPage Page, Dictionary<long, ImmutableArray<TenantChange>> Changes)> ReadMissedAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        var published = _changes.PublishedRevision;
        var page = await PgChangeLog.ReadAsync(connection, transaction, published, MaxCatchUpRows, cancellationToken).ConfigureAwait(false);
        if (page.Entries.Length == MaxCatchUpRows && page.Entries[^1].Revision < page.LatestRevision)
        {
            // Too far behind to re-read every row's entities: subscribers re-read everything once instead.
            page = page with { Entries = [] };
        }

        return (page, await PgChangeLog.ExpandAsync(connection, transaction, page, cancellationToken).ConfigureAwait(false));
    }
}
