using ConfigResolver.LiteDb.Internal;
using ConfigResolver.Storage;
using Microsoft.Extensions.Logging;

namespace ConfigResolver.LiteDb;

public sealed partial class LiteDbTenantStore
{
    private readonly CancellationTokenSource _stopPolling = new();
    private Task _polling = Task.CompletedTask;
    private volatile ChangeFeedHealth _health;

    /// <inheritdoc/>
    public long PublishedRevision => _changes.PublishedRevision;

    /// <summary>Gets whether the poll for other processes' writes is working (always up when the file is not shared or polling is off).</summary>
    public ChangeFeedHealth FeedHealth => _health;

    /// <inheritdoc/>
    public ValueTask<ChangeLogPage> ReadChangeLogAsync(long afterRevision, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        return Read("ReadChangeLog", null, db => LiteQueries.ReadLog(db, afterRevision, maxCount), cancellationToken);
    }

    private void StartPolling(TimeSpan interval)
    {
        if (interval > TimeSpan.Zero && interval != Timeout.InfiniteTimeSpan)
        {
            _polling = Task.Run(() => PollAsync(interval, _stopPolling.Token));
        }
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
    /// Every <paramref name="interval"/> (on the store's clock, never spinning) reads the log head; only when it moved past
    /// what this store published does it read the rows and their entities, in one transaction, and publish them.
    /// </summary>
    private async Task PollAsync(TimeSpan interval, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, _timeProvider, stop).ConfigureAwait(false);
                lock (_lock)
                {
                    if (_disposed)
                    {
                        return;
                    }

                    if (LiteQueries.Head(_db) > _changes.PublishedRevision)
                    {
                        CatchUpState missed;
                        _db.BeginTrans();
                        try
                        {
                            missed = ReadMissed();
                        }
                        finally
                        {
                            _db.Rollback();
                        }

                        missed.Publish(_changes);
                    }
                }

                MarkHealth(up: true, null);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (LiteErrors.IsProviderFailure(e) || e is InvalidDataException)
            {
                MarkHealth(up: false, LiteErrors.Wrap(e, "Poll", null, _path).Message);
                LogPollFailed(_logger, e, _path);
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
