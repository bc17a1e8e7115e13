using System.Collections.Immutable;
using ConfigResolver.Auditing;
using ConfigResolver.Configuration;
using ConfigResolver.Tenancy;
using Microsoft.Extensions.Logging;

namespace ConfigResolver.Storage;

/// <summary>
/// A thread-safe in-memory <see cref="ITenantStore"/> for tests, demos and single-process hosts.
/// </summary>
/// <remarks>
/// The whole store is one immutable state. Readers take the current reference once and never wait; writers
/// are serialized by a lock, check invariants against the state they read, publish the next state with one
/// reference write (so a rejected write changes nothing), then publish the change while still holding the lock
/// (so changes arrive in commit order). The system organization is created by the constructor ("first open").
/// </remarks>
public sealed partial class InMemoryTenantStore : ITenantStore
{
    /// <summary>The most change-log rows the in-memory store keeps, whatever their age.</summary>
    public const int MaxLogRows = 100_000;

    private readonly Lock _writeLock = new();
    private readonly TenantChangeBroadcaster _changes;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _retention;

    // Written only under _writeLock, read lock-free. A reference write is atomic and Volatile.Read/Write order
    // it with the immutable state it points to, so a reader always sees a fully built state.
    private InMemoryStoreState _state;

    /// <summary>Opens an empty store holding only the system organization.</summary>
    /// <param name="options">Supplies <see cref="ResolverOptions.SystemSlug"/>; defaults apply when null.</param>
    /// <param name="timeProvider">The clock for the system organization's creation time; the system clock when null.</param>
    /// <param name="logger">Logs change handler failures.</param>
    /// <exception cref="ArgumentException">The system slug is invalid.</exception>
    public InMemoryTenantStore(ResolverOptions? options = null, TimeProvider? timeProvider = null, ILogger<InMemoryTenantStore>? logger = null)
    {
        _changes = new TenantChangeBroadcaster(logger);
        _timeProvider = timeProvider ?? TimeProvider.System;
        _retention = options?.ChangeLogRetention ?? ResolverOptions.DefaultChangeLogRetention;
        var system = SystemOrganization.Create(options?.SystemSlug ?? TenancyRules.DefaultSystemSlug, _timeProvider);
        var first = ChangeLogEntry.FromChanges(1, _timeProvider.GetUtcNow(), [TenantChange.OrganizationCreated(system)]);
        _state = InMemoryStoreState.Empty.WithOrganization(system).WithLogEntry(first, DateTimeOffset.MinValue, MaxLogRows);
        _changes.StartAt(1);
    }

    /// <inheritdoc/>
    public long PublishedRevision => _changes.PublishedRevision;

    private InMemoryStoreState State => Volatile.Read(ref _state);

    /// <inheritdoc/>
    public IDisposable Subscribe(Action<TenantChange> onChange) => _changes.Subscribe(onChange);

    /// <inheritdoc/>
    public ValueTask<Organization?> FindOrganizationBySignupKeyAsync(SignupKeyHash hash, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var state = State;
        return new(hash.Hex is not null && state.OrganizationsBySignupKey.TryGetValue(hash.Hex, out var id) ? state.Organizations[id] : null);
    }

    /// <inheritdoc/>
    public ValueTask<ChangeLogPage> ReadChangeLogAsync(long afterRevision, int maxCount, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        cancellationToken.ThrowIfCancellationRequested();
        var state = State;
        var entries = state.Log.Where(e => e.Revision > afterRevision).Take(maxCount).ToImmutableArray();
        return new(new ChangeLogPage(entries, state.Log.IsEmpty ? 0 : state.Log[0].Revision, state.Revision));
    }

    /// <summary>
    /// Runs one write: reads the state under the lock, lets <paramref name="write"/> check invariants and build the
    /// next state, publishes it, then raises its changes. A rejected write throws before anything is published.
    /// </summary>
    private Task WriteAsync(Func<InMemoryStoreState, (InMemoryStoreState Next, ImmutableArray<TenantChange> Changes, AuditEntry Audit)> write, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        try
        {
            lock (_writeLock)
            {
                var (next, changes, audit) = write(_state);
                if (changes.IsEmpty)
                {
                    // The write decided there was nothing to change (a policy revision equal to the current one).
                    return Task.CompletedTask;
                }

                var now = _timeProvider.GetUtcNow();
                var entry = ChangeLogEntry.FromChanges(next.Revision + 1, now, changes);
                next = next.WithLogEntry(entry, now - _retention, MaxLogRows) with { Audit = next.Audit.Add(audit.ToEvent(entry.Revision, now)) };
                Volatile.Write(ref _state, next);
                _changes.PublishCommitted(entry.Revision, changes);
            }

            return Task.CompletedTask;
        }
#pragma warning disable CA1031 // Not swallowed: the exception is returned in the faulted task, as an async method would.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return Task.FromException(exception);
        }
    }
}
