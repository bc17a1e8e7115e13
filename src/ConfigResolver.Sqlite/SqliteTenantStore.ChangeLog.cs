using ConfigResolver.Sqlite.Internal;
using ConfigResolver.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace ConfigResolver.Sqlite;

public sealed partial class SqliteTenantStore
{
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopPolling = new();
    private Task _polling = Task.CompletedTask;

    // Replaced whole by the poller; read by anyone.
    private volatile ChangeFeedHealth _health;

    /// <inheritdoc/>
    public long PublishedRevision => _changes.PublishedRevision;

    /// <summary>
    /// Gets whether the poll for other processes' writes is working: down (with the SQLite error) after a poll failed,
    /// up again after the next one succeeds. Always up when polling is off.
    /// </summary>
    public ChangeFeedHealth FeedHealth => _health;

    /// <inheritdoc/>
    public ValueTask<ChangeLogPage> ReadChangeLogAsync(long afterRevision, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        return ReadAsync(
            "ReadChangeLog",
            null,
            c =>
            {
                using var transaction = c.BeginTransaction(deferred: true);
                return SqliteChangeLog.Read(c, transaction, afterRevision, maxCount);
            },
            cancellationToken);
    }

    private void StartPolling(string readOnlyConnectionString, int busyMilliseconds, TimeSpan interval)
    {
        if (interval <= TimeSpan.Zero || interval == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        var connection = new SqliteConnection(readOnlyConnectionString);
        try
        {
            connection.Open();
            SqliteCommands.Execute(connection, null, $"PRAGMA busy_timeout = {busyMilliseconds}");
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        _polling = Task.Run(() => PollAsync(connection, interval, _stopPolling.Token));
    }

    private async ValueTask StopPollingAsync()
    {
        if (!_stopPolling.IsCancellationRequested)
        {
            await _stopPolling.CancelAsync().ConfigureAwait(false);
        }

        await _polling.ConfigureAwait(false);
    }

    /// <summary>
    /// The poll loop, on its own read-only connection: every <paramref name="interval"/>, asks SQLite whether any other
    /// connection committed since the last look (<c>PRAGMA data_version</c>, answered from memory); only then reads the
    /// change log. Sleeps on the store's <see cref="TimeProvider"/>; never spins.
    /// </summary>
    private async Task PollAsync(SqliteConnection connection, TimeSpan interval, CancellationToken stop)
    {
        await using var owned = connection.ConfigureAwait(false);
        long? seenVersion = null;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, _timeProvider, stop).ConfigureAwait(false);
                var version = SqliteCommands.Scalar(connection, null, "PRAGMA data_version") as long?;
                if (version != seenVersion)
                {
                    // Remembered only once the catch-up succeeded, so a failed one is retried at the next interval.
                    await CatchUpAsync(connection, stop).ConfigureAwait(false);
                    seenVersion = version;
                }

                MarkHealth(up: true, null);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is SqliteException or InvalidDataException or ObjectDisposedException)
            {
                MarkHealth(up: false, e.Message);
                LogPollFailed(_logger, e, _path);
            }
        }
    }

    /// <summary>Reads the unpublished rows in one read transaction, then publishes them under the write lock.</summary>
    private async Task CatchUpAsync(SqliteConnection connection, CancellationToken stop)
    {
        while (true)
        {
            CatchUp missed;
            using (var transaction = connection.BeginTransaction(deferred: true))
            {
                missed = CatchUp.Read(connection, transaction, _changes.PublishedRevision);
            }

            await _writeLock.WaitAsync(stop).ConfigureAwait(false);
            try
            {
                if (_disposed)
                {
                    return;
                }

                missed.Publish(_changes);
            }
            finally
            {
                _writeLock.Release();
            }

            if (_changes.PublishedRevision >= missed.LatestRevision)
            {
                return;
            }
        }
    }

    private void MarkHealth(bool up, string? error)
    {
        var current = _health;
        if (current.IsUp != up)
        {
            _health = new ChangeFeedHealth(up, _timeProvider.GetUtcNow(), error);
        }
        else if (!up && current.LastError != error)
        {
            _health = current with { LastError = error };
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Polling '{Path}' for other processes' writes failed; retrying at the next interval.")]
    private static partial void LogPollFailed(ILogger logger, Exception exception, string path);
}
