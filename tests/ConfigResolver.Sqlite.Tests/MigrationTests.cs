using System.Globalization;
using ConfigResolver.Sqlite.Internal;
using ConfigResolver.Sqlite.Tests.Support;
using ConfigResolver.Storage;
using ConfigResolver.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ConfigResolver.Sqlite.Tests;

public sealed class MigrationTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = TestTime.CreateClock();

    [Fact]
    public async Task First_open_applies_every_embedded_migration_once_and_records_it()
    {
        await (await SqliteTenantStore.OpenAsync(_database.Path, timeProvider: _time)).DisposeAsync();

        // Listed by name, not read back from the embedded list: a migration that goes missing fails here.
        var at = _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        Assert.Equal([$"1|0001_initial|{at}", $"2|0002_change_log|{at}", $"3|0003_access|{at}", $"4|0004_policy_revisions|{at}"], RawSql.Rows(_database.Path, "SELECT version, name, applied_at FROM schema_migrations ORDER BY version"));
        Assert.Equal(
            ["api_keys", "audit_log", "change_log", "change_log_head", "invitations", "memberships", "organizations", "policy_revisions", "schema_migrations", "users"],
            RawSql.Rows(_database.Path, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"));
    }

    [Fact]
    public async Task Reopening_applies_nothing_and_keeps_the_records()
    {
        await (await SqliteTenantStore.OpenAsync(_database.Path, timeProvider: _time)).DisposeAsync();
        var before = RawSql.Rows(_database.Path, "SELECT version, name, applied_at FROM schema_migrations ORDER BY version");
        _time.Advance(TimeSpan.FromDays(3));

        await (await SqliteTenantStore.OpenAsync(_database.Path, timeProvider: _time)).DisposeAsync();
        using var connection = RawSql.Open(_database.Path);
        var appliedAgain = SqliteMigrator.Apply(connection, _time, _database.Path);

        Assert.Empty(appliedAgain);
        Assert.Equal(before, RawSql.Rows(_database.Path, "SELECT version, name, applied_at FROM schema_migrations ORDER BY version"));
    }

    [Fact]
    public async Task A_database_migrated_by_a_newer_version_is_refused_and_left_unchanged()
    {
        await (await SqliteTenantStore.OpenAsync(_database.Path, timeProvider: _time)).DisposeAsync();
        var newer = SqliteMigration.LatestVersion + 1;
        using (var connection = RawSql.Open(_database.Path))
        {
            RawSql.Execute(connection, $"INSERT INTO schema_migrations (version, name, applied_at) VALUES ({newer}, '{newer:D4}_future', 'later')");
        }

        var before = RawSql.Rows(_database.Path, "SELECT * FROM schema_migrations ORDER BY version");

        var exception = await Assert.ThrowsAsync<TenantStoreException>(() => SqliteTenantStore.OpenAsync(_database.Path, timeProvider: _time));

        Assert.Equal(("Open", false), (exception.Operation, exception.IsTransient));
        Assert.Contains($"schema version {newer}", exception.Message, StringComparison.Ordinal);
        Assert.Contains(_database.Path, exception.Message, StringComparison.Ordinal);
        Assert.Equal(before, RawSql.Rows(_database.Path, "SELECT * FROM schema_migrations ORDER BY version"));
    }

    [Fact]
    public async Task A_migration_that_fails_leaves_no_part_of_it_behind()
    {
        // A table that clashes with the first migration, in an otherwise empty database.
        using (var connection = RawSql.Open(_database.Path))
        {
            RawSql.Execute(connection, "CREATE TABLE memberships (x INTEGER)");
        }

        var exception = await Assert.ThrowsAsync<TenantStoreException>(() => SqliteTenantStore.OpenAsync(_database.Path, timeProvider: _time));

        Assert.Equal(("Open", "1"), (exception.Operation, exception.ProviderCode));
        Assert.Equal(["memberships"], RawSql.Rows(_database.Path, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
    }

    public void Dispose() => _database.Dispose();
}
