using ConfigResolver.Postgres.Internal;
using ConfigResolver.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ConfigResolver.Postgres.ChangeFeed;

/// <summary>
/// Follows other instances' writes: <c>LISTEN</c>s on a dedicated connection, and on every (re)connect and every
/// notification asks the store to catch up from the change log. When the connection fails (the server restarted, the
/// backend was terminated) it reports itself down and reconnects with doubling delays; it never spins.
/// </summary>
internal sealed partial class PostgresChangeListener : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly string _channel;
    private readonly string _server;
    private readonly Func<CancellationToken, Task> _catchUp;
    private readonly Func<long> _publishedRevision;
    private readonly Action _connectionsBroken;
    private readonly PostgresStoreOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;
    private long _notifiedRevision;
    private volatile ChangeFeedHealth _health;

    public PostgresChangeListener(
        NpgsqlConnectionStringBuilder connection,
        string server,
        Func<CancellationToken, Task> catchUp,
        Func<long> publishedRevision,
        Action connectionsBroken,
        PostgresStoreOptions options,
        TimeProvider time,
        ILogger logger)
    {
        // Its own physical connection: a pooled one would be handed to readers between notifications.
        var listen = new NpgsqlConnectionStringBuilder(connection.ConnectionString)
        {
            Pooling = false,
            KeepAlive = 10,
            ApplicationName = (string.IsNullOrEmpty(connection.ApplicationName) ? "configresolver" : connection.ApplicationName) + "-listener",
        };
        _connectionString = listen.ConnectionString;
        _channel = options.Channel;
        _server = server;
        _catchUp = catchUp;
        _publishedRevision = publishedRevision;
        _connectionsBroken = connectionsBroken;
        _options = options;
        _time = time;
        _logger = logger;
        _health = new ChangeFeedHealth(false, time.GetUtcNow(), "not connected yet");
    }

    public ChangeFeedHealth Health => _health;

    public void Start() => _loop = Task.Run(() => RunAsync(_stop.Token));

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
        }

        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task RunAsync(CancellationToken stop)
    {
        var delay = _options.ReconnectDelay;
        var failed = false;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var connection = new NpgsqlConnection(_connectionString);
                await using (connection.ConfigureAwait(false))
                {
                    await connection.OpenAsync(stop).ConfigureAwait(false);
                    connection.Notification += OnNotification;
                    var listen = new NpgsqlCommand("LISTEN " + QuoteIdentifier(_channel), connection);
                    await using (listen.ConfigureAwait(false))
                    {
                        await listen.ExecuteNonQueryAsync(stop).ConfigureAwait(false);
                    }

                    if (failed)
                    {
                        // The server may have restarted: pooled connections are dead, drop them before readers trip on them.
                        _connectionsBroken();
                    }

                    // Listening first, then reading the log: a write that commits in between is in the log or notified, or both.
                    await _catchUp(stop).ConfigureAwait(false);
                    _health = new ChangeFeedHealth(true, _time.GetUtcNow(), null);
                    LogListening(_logger, _server, _channel);
                    (delay, failed) = (_options.ReconnectDelay, false);
                    while (true)
                    {
                        await connection.WaitAsync(stop).ConfigureAwait(false);
                        if (Interlocked.Read(ref _notifiedRevision) > _publishedRevision())
                        {
                            await _catchUp(stop).ConfigureAwait(false);
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (PgErrors.IsProviderFailure(e) || e is TenantStoreException or InvalidDataException)
            {
                var reason = e is TenantStoreException store ? store.Message : PgErrors.Wrap(e, "Listen", null, _server).Message;
                if (_health.IsUp || !failed)
                {
                    _health = new ChangeFeedHealth(false, _time.GetUtcNow(), reason);
                }
                else
                {
                    _health = _health with { LastError = reason };
                }

                failed = true;
                LogListenerDown(_logger, _server, delay.TotalMilliseconds, reason);
            }

            try
            {
                await Task.Delay(delay, _time, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxReconnectDelay.Ticks));
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        if (long.TryParse(e.Payload, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var revision))
        {
            var seen = Interlocked.Read(ref _notifiedRevision);
            while (revision > seen)
            {
                var previous = Interlocked.CompareExchange(ref _notifiedRevision, revision, seen);
                if (previous == seen)
                {
                    break;
                }

                seen = previous;
            }
        }
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Listening for changes on {Server}, channel {Channel}.")]
    private static partial void LogListening(ILogger logger, string server, string channel);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "The change listener on {Server} is down; reconnecting in {DelayMs} ms: {Reason}")]
    private static partial void LogListenerDown(ILogger logger, string server, double delayMs, string reason);
}
