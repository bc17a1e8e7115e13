using ConfigResolver.Auditing;
using ConfigResolver.Sqlite.Tests.Support;
using ConfigResolver.Testing;
using Microsoft.Data.Sqlite;

namespace ConfigResolver.Sqlite.Tests;

/// <summary>The audit table refuses UPDATE and DELETE from any writer, raw SQL included (migration 0003's triggers).</summary>
public sealed class AuditLogImmutabilityTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    public static TheoryData<string> Tampering() => new()
    {
        "UPDATE audit_log SET actor = 'someone-else'",
        "UPDATE audit_log SET changes_json = '{}' WHERE action = 'org.create'",
        "DELETE FROM audit_log",
        "DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)",
        "INSERT OR REPLACE INTO audit_log (id, at, actor, action, changes_json) SELECT id, at, 'forged', action, '{}' FROM audit_log",
        "REPLACE INTO audit_log (id, at, actor, action, changes_json) VALUES ((SELECT MIN(id) FROM audit_log), 't', 'forged', 'org.create', '{}')",
        "INSERT INTO audit_log (id, at, actor, action, changes_json) SELECT MIN(id), 't', 'forged', 'x', '{}' FROM audit_log WHERE true ON CONFLICT (id) DO UPDATE SET actor = 'forged'",
    };

    [Theory]
    [MemberData(nameof(Tampering))]
    public async Task Raw_sql_cannot_change_or_remove_an_audit_event(string sql)
    {
        await using (var store = await SqliteTenantStore.OpenAsync(_database.Path, timeProvider: TestTime.Fixed))
        {
            await store.CreateOrganizationAsync(TenantFactory.Organization("acme", TestTime.Fixed));
            await store.CreateUserAsync(TenantFactory.User("ann@example.com", TestTime.Fixed));
        }

        var before = Dump();
        using var connection = RawSql.Open(_database.Path);

        var exception = Assert.Throws<SqliteException>(() => RawSql.Execute(connection, sql));

        Assert.Contains("append-only", exception.Message, StringComparison.Ordinal);
        Assert.Equal(before, Dump());
        Assert.Equal(2L, RawSql.Scalar(_database.Path, "SELECT COUNT(*) FROM audit_log"));
    }

    [Fact]
    public async Task Appending_still_works_through_the_store_after_a_refused_tamper()
    {
        await using var store = await SqliteTenantStore.OpenAsync(_database.Path, timeProvider: TestTime.Fixed);
        await store.CreateUserAsync(TenantFactory.User("ann@example.com", TestTime.Fixed));
        using (var connection = RawSql.Open(_database.Path))
        {
            Assert.Throws<SqliteException>(() => RawSql.Execute(connection, "DELETE FROM audit_log"));
        }

        await store.CreateUserAsync(TenantFactory.User("bob@example.com", TestTime.Fixed));

        Assert.Equal(["user.create", "user.create"], (await store.QueryAuditAsync(new AuditQuery())).Events.Select(e => e.Action));
    }

    private string Dump() => string.Join('\n', RawSql.Scalar(_database.Path, "SELECT group_concat(id || actor || action || changes_json, '|') FROM audit_log"));
}
