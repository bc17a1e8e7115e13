using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace ConfigResolver.Sqlite.Internal;

/// <summary>
/// Read-only connections owned by one store. In WAL mode each reads the last committed state without waiting for the
/// writer. Kept per store (not in the provider's global pool) so disposing the store closes every file handle.
/// </summary>
internal sealed class ReaderPool : IDisposable
{
    private const int MaxIdle = 8;

    private readonly string _connectionString;
    private readonly int _busyTimeoutMilliseconds;
    private readonly ConcurrentBag<SqliteConnection> _idle = [];
    private volatile bool _disposed;

    public ReaderPool(string connectionString, int busyTimeoutMilliseconds)
    {
        _connectionString = connectionString;
        _busyTimeoutMilliseconds = busyTimeoutMilliseconds;
    }

    /// <summary>Takes an idle connection or opens a new one.</summary>
    /// <exception cref="SqliteException">The file cannot be opened.</exception>
    public SqliteConnection Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_idle.TryTake(out var idle))
        {
            return idle;
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            SqliteCommands.Execute(connection, null, $"PRAGMA busy_timeout = {_busyTimeoutMilliseconds}");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Gives a connection back; a connection that failed is closed instead of reused.</summary>
    public void Return(SqliteConnection connection, bool healthy)
    {
        if (!healthy || _disposed || _idle.Count >= MaxIdle)
        {
            connection.Dispose();
            return;
        }

        _idle.Add(connection);
        if (_disposed)
        {
            // Dispose ran while this connection was being returned; make sure it does not outlive the store.
            Drain();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        Drain();
    }

    private void Drain()
    {
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }
}
