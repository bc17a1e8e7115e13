using System.Collections.Immutable;
using ConfigResolver.Auditing;
using ConfigResolver.Configuration;
using ConfigResolver.LiteDb.Internal;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using LiteDB;
using Microsoft.Extensions.Logging;

namespace ConfigResolver.LiteDb;

/// <summary>
/// The embedded document-store alternative: one LiteDB file, every write one LiteDB transaction that checks its invariants
/// (<see cref="TenantInvariants"/>) inside it and appends its change-log row. Open it with <see cref="OpenAsync"/>.
/// </summary>
/// <remarks>
/// <para>
/// Safe for concurrent use, but not lock-free: LiteDB transactions belong to a thread, and in shared mode every
/// operation opens the file under a system-wide mutex, so this store runs one operation at a time (reads included).
/// Use it for small deployments; resolver and authorization caches keep the request path off the store.
/// </para>
/// <para>
/// Opened shared (the default), several processes use one file: writes are serialized by LiteDB's named mutex (it works
/// across processes on Linux, macOS and Windows), and each store polls the change log head every
/// <see cref="ResolverOptions.ChangePollInterval"/> and publishes the rows it missed. Opened exclusive, the file is
/// locked to this process and no polling runs.
/// </para>
/// </remarks>
public sealed partial class LiteDbTenantStore : ITenantStore, IChangeFeedHealth, IAsyncDisposable, IDisposable
{
    private const int MaxCatchUpRows = 10_000;

    private readonly LiteDatabase _db;
    private readonly string _path;
    private readonly Lock _lock = new();
    private readonly TenantChangeBroadcaster _changes;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _retention;
    private readonly ILogger _logger;
    private volatile bool _disposed;

    /// <summary>Gets the full path of the database file.</summary>
    public string Path => _path;

    /// <inheritdoc/>
    public IDisposable Subscribe(Action<TenantChange> onChange) => _changes.Subscribe(onChange);

    /// <inheritdoc/>
    public ValueTask<Organization?> FindOrganizationBySignupKeyAsync(SignupKeyHash hash, CancellationToken cancellationToken = default) =>
        hash.Hex is null ? ValueTask.FromResult<Organization?>(null) : Read("FindOrganizationBySignupKey", null, db => LiteQueries.OrganizationBySignupKey(db, hash), cancellationToken);

    /// <summary>Stops polling and closes the file.</summary>
    /// <returns>A task that completes when the file is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        await StopPollingAsync().ConfigureAwait(false);
        lock (_lock)
        {
            if (!_disposed)
            {
                _disposed = true;
                _db.Dispose();
            }
        }
    }

    /// <summary>Closes the store; prefer <see cref="DisposeAsync"/>.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private ValueTask<T> Read<T>(string operation, string? organization, Func<LiteDatabase, T> read, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<T>(cancellationToken);
        }

        try
        {
            lock (_lock)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                return ValueTask.FromResult(read(_db));
            }
        }
        catch (Exception e) when (LiteErrors.IsProviderFailure(e))
        {
            return ValueTask.FromException<T>(LiteErrors.Wrap(e, operation, organization, _path));
        }
    }

    /// <summary>
    /// Runs one write in one LiteDB transaction: reads the log rows it has not published, lets <paramref name="write"/>
    /// read, check and change, appends the row and the write's audit event (attributed to <see cref="AuditActor.Current"/>),
    /// prunes, commits, then publishes the missed rows and its changes in revision order. Anything thrown before the commit
    /// rolls back, the log row and the audit event included.
    /// </summary>
    private Task Write(string operation, string? organization, Func<LiteDatabase, (ImmutableArray<TenantChange> Changes, AuditEntry Audit)> write, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        try
        {
            lock (_lock)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                CatchUpState? missed;
                ImmutableArray<TenantChange> changes;
                long revision;
                _db.BeginTrans();
                try
                {
                    var head = LiteQueries.Head(_db);
                    missed = head > _changes.PublishedRevision ? ReadMissed() : null;
                    (changes, var audit) = write(_db);
                    revision = head + 1;
                    if (changes.IsEmpty)
                    {
                        // The write decided there was nothing to do (a policy revision equal to the current one).
                        _db.Rollback();
                        missed?.Publish(_changes);
                        return Task.CompletedTask;
                    }

                    var now = _timeProvider.GetUtcNow();
                    _db.GetCollection(LiteAccessDocs.Audit).Insert(LiteAccessDocs.FromAudit(audit.ToEvent(revision, now)));
                    _db.GetCollection(LiteDocs.ChangeLog).Insert(LiteDocs.FromEntry(ChangeLogEntry.FromChanges(revision, now, changes)));
                    _db.GetCollection(LiteDocs.Head).Upsert(new BsonDocument { ["_id"] = 1, ["revision"] = revision });
                    var cutoff = (now - _retention).ToUnixTimeMilliseconds();
                    _db.GetCollection(LiteDocs.ChangeLog).DeleteMany(Query.And(Query.LT("at", cutoff), Query.LT("_id", revision)));
                    _db.Commit();
                }
                catch
                {
                    _db.Rollback();
                    throw;
                }

                missed?.Publish(_changes);
                _changes.PublishCommitted(revision, changes);
            }

            return Task.CompletedTask;
        }
        catch (Exception e) when (LiteErrors.IsProviderFailure(e))
        {
            return Task.FromException(LiteErrors.Wrap(e, operation, organization, _path));
        }
#pragma warning disable CA1031 // Not swallowed: returned in the faulted task, as an async method would.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Task.FromException(e);
        }
    }

    /// <summary>Rows this store has not published, with their entities read in the caller's transaction.</summary>
    private CatchUpState ReadMissed()
    {
        var page = LiteQueries.ReadLog(_db, _changes.PublishedRevision, MaxCatchUpRows);
        if (page.Entries.Length == MaxCatchUpRows && page.Entries[^1].Revision < page.LatestRevision)
        {
            page = page with { Entries = [] };
        }

        var changes = page.Entries.ToDictionary(
            static e => e.Revision,
            e => e.ToChanges(id => LiteQueries.OrganizationById(_db, id), id => LiteQueries.UserById(_db, id), id => LiteAccessQueries.KeyById(_db, id)));
        return new CatchUpState(page, changes);
    }

    private sealed record CatchUpState(ChangeLogPage Page, Dictionary<long, ImmutableArray<TenantChange>> Changes)
    {
        public void Publish(TenantChangeBroadcaster broadcaster) => broadcaster.PublishFromLog(Page, entry => Changes[entry.Revision]);
    }
}
