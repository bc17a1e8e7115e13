using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConfigResolver.Storage;

/// <summary>
/// A ready-made <see cref="ITenantChangeFeed"/> for store implementations: handlers are kept in an immutable
/// array swapped atomically, and <see cref="Publish"/> calls each one, logging (not rethrowing) a handler's failure
/// so a committed write is never reported as failed.
/// </summary>
/// <remarks>
/// Safe for concurrent use. Stores call <see cref="Publish"/> (or the revision-aware <see cref="PublishCommitted"/> and
/// <see cref="PublishFromLog"/>) while holding the lock that serializes their publishing, so changes arrive in revision order.
/// </remarks>
public sealed partial class TenantChangeBroadcaster : ITenantChangeFeed
{
    private readonly ILogger _logger;
    private ImmutableArray<Action<TenantChange>> _handlers = [];

    /// <summary>Creates a broadcaster.</summary>
    /// <param name="logger">Where handler failures are logged; none when null.</param>
    public TenantChangeBroadcaster(ILogger? logger = null) => _logger = logger ?? NullLogger.Instance;

    /// <inheritdoc/>
    public IDisposable Subscribe(Action<TenantChange> onChange)
    {
        ArgumentNullException.ThrowIfNull(onChange);
        ImmutableInterlocked.Update(ref _handlers, static (handlers, handler) => handlers.Add(handler), onChange);
        return new Subscription(this, onChange);
    }

    /// <summary>Calls every handler with the change.</summary>
    /// <param name="change">The committed change.</param>
    public void Publish(TenantChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        // ImmutableArray wraps a single array reference, so this copy is one atomic read.
        var handlers = _handlers;
        foreach (var handler in handlers.AsSpan())
        {
            try
            {
                handler(change);
            }
#pragma warning disable CA1031 // A subscriber's bug must not turn a committed write into a reported failure.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogHandlerFailed(_logger, exception, change.Kind);
            }
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "A tenant change handler failed for a {Kind} change.")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, TenantChangeKind kind);

    private sealed class Subscription(TenantChangeBroadcaster owner, Action<TenantChange> handler) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                ImmutableInterlocked.Update(ref owner._handlers, static (handlers, h) => handlers.Remove(h), handler);
            }
        }
    }
}
