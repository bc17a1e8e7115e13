using ConfigResolver.Auditing;
using Microsoft.Data.Sqlite;

namespace ConfigResolver.Sqlite.Internal;

/// <summary>What one write transaction works with: the writer connection, its transaction, and the organization it concerns.</summary>
internal sealed class SqliteWrite(SqliteConnection connection, string? organization)
{
    public SqliteConnection Connection { get; } = connection;

    public SqliteTransaction Transaction { get; set; } = null!;

    /// <summary>The slug a failure names; a write that starts from an id sets it once it has read the organization.</summary>
    public string? Organization { get; set; } = organization;

    /// <summary>The write's audit entry; every write sets it before it returns its changes.</summary>
    public AuditEntry? Audit { get; set; }

    public int Execute(string sql, params (string Name, object? Value)[] parameters) =>
        SqliteCommands.Execute(Connection, Transaction, sql, parameters);
}
