using System.Collections.Immutable;
using ConfigResolver.Configuration;
using ConfigResolver.Sqlite.Internal;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using Microsoft.Data.Sqlite;

namespace ConfigResolver.Sqlite;

/// <summary>
/// The embedded <see cref="ITenantStore"/>: one SQLite file in WAL mode, schema migrations recorded in the database,
/// every write one transaction that checks its invariants (<see cref="TenantInvariants"/>) inside it.
/// Open it with <see cref="OpenAsync(string, ResolverOptions?, TimeProvider?, CancellationToken)"/>.
/// </summary>
/// <remarks>
/// Safe for concurrent use. Writes are serialized on one writer connection (behind an async lock, and across processes by
/// SQLite's write lock with a busy timeout); reads use separate read-only connections and, thanks to WAL, never wait for a
/// writer. Each successful write is published on the change feed after it commits, in commit order, while the write lock is
/// still held. A rejected write (<see cref="Validation.TenantValidationException"/>) or a failed one
/// (<see cref="TenantStoreException"/>, keeping the SQLite error code; busy or locked is transient) changes nothing.
/// Every write also appends its row to the change log in the same transaction. Other processes' writes reach this
/// store's feed through a background poll (<see cref="ResolverOptions.ChangePollInterval"/>, default 100 ms: a
/// <c>PRAGMA data_version</c> check, then the log rows not yet published); a write of this store first publishes any
/// rows it had not published yet, so the feed is always in revision order. Dispose to stop polling and close the file.
/// </remarks>
public sealed partial class SqliteTenantStore : ITenantStore, IChangeFeedHealth, IAsyncDisposable, IDisposable
{
    /// <summary>How long a write waits for another process's write lock before failing as transient.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(5);

    private readonly string _path;
    private readonly SqliteConnection _writer;
    private readonly ReaderPool _readers;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly TenantChangeBroadcaster _changes;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _retention;
    private volatile bool _disposed;

    /// <summary>Gets the full path of the database file.</summary>
    public string Path => _path;

    /// <inheritdoc/>
    public IDisposable Subscribe(Action<TenantChange> onChange) => _changes.Subscribe(onChange);

    /// <inheritdoc/>
    public ValueTask<Organization?> FindOrganizationBySignupKeyAsync(SignupKeyHash hash, CancellationToken cancellationToken = default) =>
        hash.Hex is null
            ? ValueTask.FromResult<Organization?>(null)
            : ReadAsync("FindOrganizationBySignupKey", null, c => SqliteQueries.OrganizationBySignupKey(c, null, hash), cancellationToken);

    /// <summary>Waits for a write in progress, then closes the writer and every read connection.</summary>
    /// <returns>A task that completes when the file is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        await StopPollingAsync().ConfigureAwait(false);
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            CloseConnections();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Closes the store; prefer <see cref="DisposeAsync"/>.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        StopPollingAsync().AsTask().GetAwaiter().GetResult();
        _writeLock.Wait();
        try
        {
            CloseConnections();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private void CloseConnections()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _readers.Dispose();
        _writer.Dispose();
    }

    /// <summary>Runs one read on a read-only connection, wrapping SQLite failures.</summary>
    private ValueTask<T> ReadAsync<T>(string operation, string? organization, Func<SqliteConnection, T> read, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<T>(cancellationToken);
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        SqliteConnection? connection = null;
        var healthy = false;
        try
        {
            connection = _readers.Rent();
            var result = read(connection);
            healthy = true;
            return ValueTask.FromResult(result);
        }
        catch (SqliteException e)
        {
            return ValueTask.FromException<T>(SqliteErrors.Wrap(e, operation, organization, _path));
        }
        catch (InvalidDataException e)
        {
            return ValueTask.FromException<T>(Corrupt(operation, organization, e));
        }
        finally
        {
            if (connection is not null)
            {
                _readers.Return(connection, healthy);
            }
        }
    }

    /// <summary>
    /// Runs one write: takes the write lock, begins an immediate transaction (SQLite's write lock, so no other process
    /// writes between our checks and our changes), reads the log rows other processes committed that this store has not
    /// published yet, lets <paramref name="write"/> read, check and change, appends the write's log row, commits, then
    /// publishes those rows and the write's changes in revision order while still holding the lock. The write's audit event
    /// (<see cref="SqliteWrite.Audit"/>, attributed to <see cref="Auditing.AuditActor.Current"/>) is appended in the same
    /// transaction. Anything thrown before the commit rolls back, the log row and the audit event included.
    /// </summary>
    private async Task WriteAsync(string operation, string? organization, Func<SqliteWrite, ImmutableArray<TenantChange>> write, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var context = new SqliteWrite(_writer, organization);
            ImmutableArray<TenantChange> changes;
            CatchUp? missed;
            long revision;
            try
            {
                using var transaction = _writer.BeginTransaction(deferred: false);
                context.Transaction = transaction;
                var head = SqliteChangeLog.Head(_writer, transaction);
                missed = head > _changes.PublishedRevision ? CatchUp.Read(_writer, transaction, _changes.PublishedRevision) : null;
                changes = write(context);
                revision = head + 1;

                // No changes: the write decided there was nothing to do (a policy revision equal to the current one); roll back.
                if (!changes.IsEmpty)
                {
                    var now = _timeProvider.GetUtcNow();
                    SqliteChangeLog.Append(_writer, transaction, ChangeLogEntry.FromChanges(revision, now, changes));
                    var audit = context.Audit ?? throw new InvalidOperationException($"The write '{operation}' did not describe itself for the audit log.");
                    SqliteAccessQueries.AppendAudit(_writer, transaction, audit.ToEvent(revision, now));
                    SqliteChangeLog.Prune(_writer, transaction, now - _retention, revision);
                    transaction.Commit();
                }
            }
            catch (SqliteException e)
            {
                throw SqliteErrors.Wrap(e, operation, context.Organization, _path);
            }
            catch (InvalidDataException e)
            {
                throw Corrupt(operation, context.Organization, e);
            }

            missed?.Publish(_changes);
            if (!changes.IsEmpty)
            {
                _changes.PublishCommitted(revision, changes);
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private TenantStoreException Corrupt(string operation, string? organization, InvalidDataException exception) =>
        new(operation, organization, null, isTransient: false, $"the database '{_path}' holds data this version cannot read: {exception.Message}", exception);
}
