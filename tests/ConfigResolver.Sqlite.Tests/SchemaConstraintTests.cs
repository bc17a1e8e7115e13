using ConfigResolver.Sqlite.Tests.Support;
using Microsoft.Data.Sqlite;

namespace ConfigResolver.Sqlite.Tests;

/// <summary>
/// The schema itself refuses what the invariants forbid, even for a writer that bypasses the store's checks.
/// Each row runs one statement against a database holding org 'acme' (owner ann) and user bob.
/// </summary>
public sealed class SchemaConstraintTests : IDisposable
{
    private const string Acme = "00000000-0000-0000-0000-00000000000a";
    private const string Ann = "00000000-0000-0000-0000-0000000000a1";
    private const string Bob = "00000000-0000-0000-0000-0000000000b1";
    private const string Hash = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string OrgColumns = "INSERT INTO organizations (id, slug, name, is_system, status, plan, config_json, signup_key_hash, metadata_json, created_at, updated_at) VALUES ";

    private readonly TempDatabase _database = new();

    public static TheoryData<string, string> Violations() => new()
    {
        { "duplicate slug", OrgColumns + "('x1', 'acme', 'n', 0, 'active', 'free', '{}', NULL, '{}', 't', 't')" },
        { "duplicate signup key hash", OrgColumns + $"('x2', 'other', 'n', 0, 'active', 'free', '{{}}', '{Hash}', '{{}}', 't', 't')" },
        { "second system organization", OrgColumns + "('x3', 'system-2', 'n', 1, 'active', 'free', '{}', NULL, '{}', 't', 't')" },
        { "unknown status", OrgColumns + "('x4', 'other', 'n', 0, 'paused', 'free', '{}', NULL, '{}', 't', 't')" },
        { "email differing only in case", $"INSERT INTO users (id, email, email_normalized, created_at, updated_at) VALUES ('u9', 'BOB@example.com', 'bob@example.com', 't', 't')" },
        { "second membership of one user in one organization", $"INSERT INTO memberships VALUES ('{Acme}', '{Ann}', 'viewer')" },
        { "membership of an unknown organization", $"INSERT INTO memberships VALUES ('nope', '{Bob}', 'member')" },
        { "unknown role", $"INSERT INTO memberships VALUES ('{Acme}', '{Bob}', 'boss')" },
        { "default organization that is not a membership", $"UPDATE users SET default_organization_id = '{Acme}' WHERE id = '{Bob}'" },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public async Task Schema_rejects_a_row_that_breaks_an_invariant(string violation, string sql)
    {
        await SeedAsync();
        using var connection = RawSql.Open(_database.Path);
        using var transaction = connection.BeginTransaction();

        var exception = Record.Exception(() =>
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            command.ExecuteNonQuery();
            transaction.Commit();
        });

        Assert.True(exception is SqliteException { SqliteErrorCode: 19 }, $"{violation}: expected SQLITE_CONSTRAINT, got {exception?.Message ?? "no error"}");
    }

    private async Task SeedAsync()
    {
        await (await SqliteTenantStore.OpenAsync(_database.Path)).DisposeAsync();
        using var connection = RawSql.Open(_database.Path);
        RawSql.Execute(connection, OrgColumns + $"('{Acme}', 'acme', 'Acme', 0, 'active', 'free', '{{}}', '{Hash}', '{{}}', 't', 't')");
        RawSql.Execute(connection, $"INSERT INTO users (id, email, email_normalized, created_at, updated_at) VALUES ('{Ann}', 'ann@example.com', 'ann@example.com', 't', 't'), ('{Bob}', 'bob@example.com', 'bob@example.com', 't', 't')");
        RawSql.Execute(connection, $"INSERT INTO memberships VALUES ('{Acme}', '{Ann}', 'owner')");
    }

    public void Dispose() => _database.Dispose();
}
