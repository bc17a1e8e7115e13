using ConfigResolver.Auditing;
using Npgsql;

namespace ConfigResolver.Postgres.Internal;

/// <summary>What one write transaction works with: its connection and transaction, and the organization it concerns.</summary>
internal sealed class PgWrite(NpgsqlConnection connection, NpgsqlTransaction transaction, string? organization, CancellationToken cancellationToken)
{
    public NpgsqlConnection Connection { get; } = connection;

    public NpgsqlTransaction Transaction { get; } = transaction;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>The slug a failure names; a write that starts from an id sets it once it has read the organization.</summary>
    public string? Organization { get; set; } = organization;

    /// <summary>The write's audit entry; every write sets it before it returns its changes.</summary>
    public AuditEntry? Audit { get; set; }

    public Task<int> ExecuteAsync(string sql, params (string Name, object? Value)[] parameters) =>
        PgCommands.ExecuteAsync(Connection, Transaction, sql, CancellationToken, parameters);
}
