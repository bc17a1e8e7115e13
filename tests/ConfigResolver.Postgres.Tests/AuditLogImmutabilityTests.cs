using ConfigResolver.Auditing;
using ConfigResolver.Postgres.Tests.Support;
using ConfigResolver.Testing;
using Npgsql;

namespace ConfigResolver.Postgres.Tests;

/// <summary>The audit table refuses UPDATE, DELETE and TRUNCATE from any session, raw SQL included (migration 0002's triggers).</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class AuditLogImmutabilityTests(PostgresFixture fixture)
{
    public static TheoryData<string> Tampering() => new()
    {
        "UPDATE audit_log SET actor = 'someone-else'",
        "UPDATE audit_log SET changes_json = '{}' WHERE action = 'org.create'",
        "DELETE FROM audit_log",
        "DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)",
        "TRUNCATE audit_log",
        "INSERT INTO audit_log (id, at, actor, action, changes_json) SELECT id, at, 'forged', action, '{}' FROM audit_log ON CONFLICT (id) DO UPDATE SET actor = 'forged'",
    };

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task Raw_sql_cannot_change_or_remove_an_audit_event(string sql)
    {
        var connectionString = await fixture.Server.CreateDatabaseAsync();
        await using (var store = await PostgresTenantStore.OpenAsync(connectionString, timeProvider: TestTime.Fixed))
        {
            await store.CreateOrganizationAsync(TenantFactory.Organization("acme", TestTime.Fixed));
            await store.CreateUserAsync(TenantFactory.User("ann@example.com", TestTime.Fixed));
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var before = await DumpAsync(connection);

        var exception = await Assert.ThrowsAsync<PostgresException>(async () =>
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        });

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, exception.SqlState);
        Assert.Contains("append-only", exception.MessageText, StringComparison.Ordinal);
        Assert.Equal(before, await DumpAsync(connection));
        await using var store2 = await PostgresTenantStore.OpenAsync(connectionString, timeProvider: TestTime.Fixed);
        Assert.Equal(["user.create", "org.create"], (await store2.QueryAuditAsync(new AuditQuery())).Events.Select(e => e.Action));
    }

    private static async Task<string> DumpAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT string_agg(id || actor || action || changes_json, '|' ORDER BY id) FROM audit_log", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
