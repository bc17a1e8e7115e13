using System.Collections.Immutable;
using System.Data;
using ConfigResolver.Auditing;
using ConfigResolver.Configuration;
using ConfigResolver.Postgres.ChangeFeed;
using ConfigResolver.Postgres.Internal;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ConfigResolver.Postgres;

/// <summary>
/// The <see cref="ITenantStore"/> for several instances: one PostgreSQL database, schema migrations recorded in it, every
/// write one transaction that checks its invariants (<see cref="TenantInvariants"/>) inside it and appends its row to
/// the change log. Open it with <see cref="OpenAsync"/>.
/// </summary>
/// <remarks>
/// <para>
/// Safe for concurrent use. Every write transaction starts by moving the change log's head row, whose lock serializes
/// writers across all instances until commit: invariants (the last owner, a unique slug) are checked against committed
/// state, and revisions are handed out in commit order without gaps. Reads use pooled connections and never wait for writers.
/// </para>
/// <para>
/// After commit the server delivers <c>NOTIFY</c> with the revision. A listener on its own connection receives it, and
/// on every (re)connect reads the change log from the last revision this instance published, so no remote write is
/// missed; it reconnects with backoff and reports its state in <see cref="FeedHealth"/>. A write of this instance first
/// publishes any rows it had not published yet, so the feed is always in revision order.
/// </para>
/// <para>
/// Failures are <see cref="TenantStoreException"/> with the SQLSTATE, the operation and whether a retry may help; a
/// failed write changed nothing. Messages name the server as <c>user@host:port/database</c>, never with the password.
/// </para>
/// </remarks>
public sealed partial class PostgresTenantStore : ITenantStore, IChangeFeedHealth, IAsyncDisposable, IDisposable
{
    private const int MaxCatchUpRows = 10_000;

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _server;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly TenantChangeBroadcaster _changes;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _retention;
    private readonly string _channel;
    private readonly ILogger _logger;
    private PostgresChangeListener? _listener;
    private volatile bool _disposed;

    /// <summary>Gets the server as messages name it: <c>'user@host:port/database'</c>, without the password.</summary>
    public string Server => _server;

    /// <inheritdoc/>
    public IDisposable Subscribe(Action<TenantChange> onChange) => _changes.Subscribe(onChange);

    /// <inheritdoc/>
    public ValueTask<Organization?> FindOrganizationBySignupKeyAsync(SignupKeyHash hash, CancellationToken cancellationToken = default) =>
        hash.Hex is null
            ? ValueTask.FromResult<Organization?>(null)
            : ReadAsync("FindOrganizationBySignupKey", null, (c, ct) => PgQueries.OrganizationBySignupKeyAsync(c, null, hash, ct), cancellationToken);

    /// <summary>Stops the listener, waits for a write in progress, then closes every connection.</summary>
    /// <returns>A task that completes when the store is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        if (_listener is { } listener)
        {
            await listener.DisposeAsync().ConfigureAwait(false);
        }

        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!_disposed)
            {
                _disposed = true;
                await _dataSource.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Closes the store; prefer <see cref="DisposeAsync"/>.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Runs one read on a pooled connection; a connection the server dropped (a restart) is retried once on a fresh one.</summary>
    private async ValueTask<T> ReadAsync<T>(string operation, string? organization, Func<NpgsqlConnection, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using (connection.ConfigureAwait(false))
                {
                    return await read(connection, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (attempt == 1 && IsBrokenConnection(e))
            {
                _dataSource.Clear();
            }
            catch (Exception e) when (PgErrors.IsProviderFailure(e) && !cancellationToken.IsCancellationRequested)
            {
                throw PgErrors.Wrap(e, operation, organization, _server);
            }
            catch (InvalidDataException e)
            {
                throw Corrupt(operation, organization, e);
            }
        }
    }

    /// <summary>
    /// Runs one write: takes this instance's write lock, begins a transaction, moves the log head (serializing writers of
    /// every instance), reads the rows this instance has not published, lets <paramref name="write"/> read, check and
    /// change, appends the row and its NOTIFY, prunes and appends the write's audit event (attributed to
    /// <see cref="AuditActor.Current"/>) in one batch, commits, then publishes the missed rows and the write's changes in revision order.
    /// Anything thrown before the commit rolls back, the head, the log row and the audit event included.
    /// </summary>
    private async Task WriteAsync(string operation, string? organization, Func<PgWrite, Task<ImmutableArray<TenantChange>>> write, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var slug = organization;
            ImmutableArray<TenantChange> changes;
            (ChangeLogPage Page, Dictionary<long, ImmutableArray<TenantChange>> Changes)? missed = null;
            long revision;
            try
            {
                var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using (connection.ConfigureAwait(false))
                {
                    var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
                    await using (transaction.ConfigureAwait(false))
                    {
                        revision = await PgChangeLog.NextRevisionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                        if (revision - 1 > _changes.PublishedRevision)
                        {
                            missed = await ReadMissedAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                        }

                        var context = new PgWrite(connection, transaction, organization, cancellationToken);
                        AuditEntry? audit;
                        try
                        {
                            changes = await write(context).ConfigureAwait(false);
                            audit = changes.IsEmpty ? null : context.Audit ?? throw new InvalidOperationException($"The write '{operation}' did not describe itself for the audit log.");
                        }
                        finally
                        {
                            slug = context.Organization;
                        }

                        // No changes: the write decided there was nothing to do (a policy revision equal to the current one);
                        // disposing the transaction rolls back, the head's move included.
                        if (audit is not null)
                        {
                            var now = _timeProvider.GetUtcNow();
                            await PgChangeLog.AppendAsync(connection, transaction, ChangeLogEntry.FromChanges(revision, now, changes), _channel, now - _retention, cancellationToken,
                                PgAccessQueries.AppendAuditCommand(audit.ToEvent(revision, now))).ConfigureAwait(false);
                            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                        }
                    }
                }
            }
            catch (Exception e) when (PgErrors.IsProviderFailure(e) && !cancellationToken.IsCancellationRequested)
            {
                if (IsBrokenConnection(e))
                {
                    _dataSource.Clear();
                }

                throw PgErrors.Wrap(e, operation, slug, _server);
            }
            catch (InvalidDataException e)
            {
                throw Corrupt(operation, slug, e);
            }

            if (missed is var (page, expanded))
            {
                _changes.PublishFromLog(page, entry => expanded[entry.Revision]);
            }

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

    private static bool IsBrokenConnection(Exception exception) =>
        exception is NpgsqlException { IsTransient: true } and not PostgresException;

    private TenantStoreException Corrupt(string operation, string? organization, InvalidDataException exception) =>
        new(operation, organization, null, isTransient: false, $"the database {_server} holds data this version cannot read: {exception.Message}", exception);
}
