using ConfigResolver.Diagnostics;
using ConfigResolver.Sqlite.Tests.Support;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;
using ConfigResolver.Testing;
using Microsoft.Extensions.Time.Testing;

namespace ConfigResolver.Sqlite.Tests;

/// <summary>The database file: WAL mode, and files the store cannot use (corrupt, read-only, unreachable).</summary>
public sealed class SqliteFileTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = TestTime.CreateClock();

    [Fact]
    public async Task Store_puts_the_file_in_WAL_mode_and_leaves_no_foreign_key_violations()
    {
        await using (var store = await SqliteTenantStore.OpenAsync(_database.Path, timeProvider: _time))
        {
            var organization = TenantFactory.Organization("acme", _time);
            var ann = TenantFactory.User("ann@example.com", _time);
            await store.CreateOrganizationAsync(organization);
            await store.CreateUserAsync(ann);
            await store.SetMembershipAsync(new Membership(organization.Id, ann.Id, MembershipRole.Owner));
            await store.DeleteOrganizationAsync(organization.Id);
        }

        Assert.Equal("wal", RawSql.Scalar(_database.Path, "PRAGMA journal_mode"));
        Assert.Empty(RawSql.Rows(_database.Path, "PRAGMA foreign_key_check"));
    }

    public static TheoryData<string, byte[]> NotDatabases() => new()
    {
        { "a text file", "this is not a database\n"u8.ToArray() },
        { "a database whose header was overwritten", [.. "SQLite format 2\0"u8, .. new byte[4080]] },
    };

    [Theory]
    [MemberData(nameof(NotDatabases))]
    public async Task Opening_a_file_that_is_not_a_database_fails_clearly_and_leaves_the_file_alone(string what, byte[] content)
    {
        await File.WriteAllBytesAsync(_database.Path, content);

        var exception = await Assert.ThrowsAsync<TenantStoreException>(() => SqliteTenantStore.OpenAsync(_database.Path, timeProvider: _time));

        Assert.Equal(("Open", "26", false), (exception.Operation, exception.ProviderCode, exception.IsTransient));
        var diagnostic = Assert.Single(exception.Diagnostics);
        Assert.Equal((DiagnosticCodes.StoreFailure, "store"), (diagnostic.Code, diagnostic.Where));
        Assert.Contains($"'{_database.Path}' is not a SQLite database or is corrupt", diagnostic.Message, StringComparison.Ordinal);
        var after = await File.ReadAllBytesAsync(_database.Path);
        Assert.True(content.SequenceEqual(after), $"{what} was modified");
    }

    [Fact]
    public async Task Opening_a_file_in_a_missing_folder_is_refused_before_sqlite_runs_naming_the_folder()
    {
        var path = Path.Combine(_database.Folder, "missing", "tenancy.db");

        var exception = await Assert.ThrowsAsync<TenantStoreException>(() => SqliteTenantStore.OpenAsync(path, timeProvider: _time));

        Assert.Equal(("Open", null, false), (exception.Operation, exception.ProviderCode, exception.IsTransient));
        Assert.Equal(DiagnosticCodes.InvalidDatabasePath, Assert.Single(exception.Diagnostics).Code);
        Assert.Contains("the folder '" + Path.GetDirectoryName(path) + "' does not exist", exception.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
    }

    [Fact]
    public async Task Read_only_file_still_serves_reads_and_every_write_fails_clearly_changing_nothing()
    {
        Organization acme;
        User ann;
        await using (var store = await SqliteTenantStore.OpenAsync(_database.Path, timeProvider: _time))
        {
            acme = TenantFactory.Organization("acme", _time);
            ann = TenantFactory.User("ann@example.com", _time);
            await store.CreateOrganizationAsync(acme);
            await store.CreateUserAsync(ann);
        }

        ReadOnlyFile.Make(_database.Path);
        await using var readOnly = await SqliteTenantStore.OpenAsync(_database.Path, timeProvider: _time);
        var before = await StoreDump.CaptureAsync(readOnly);
        using var recorder = new ChangeRecorder(readOnly);

        Func<Task>[] writes =
        [
            () => readOnly.CreateOrganizationAsync(TenantFactory.Organization("beta", _time)),
            () => readOnly.UpdateOrganizationAsync(acme with { Name = "Acme Ltd" }),
            () => readOnly.SetMembershipAsync(new Membership(acme.Id, ann.Id, MembershipRole.Owner)),
            () => readOnly.DeleteOrganizationAsync(acme.Id),
        ];
        var named = new List<string?>();
        foreach (var write in writes)
        {
            var exception = await Assert.ThrowsAsync<TenantStoreException>(write);
            Assert.Equal(("8", false), (exception.ProviderCode, exception.IsTransient));
            Assert.Contains("is read-only", exception.Message, StringComparison.Ordinal);
            named.Add(exception.Organization);
        }

        Assert.Equal(["beta", "acme", "acme", "acme"], named);
        Assert.Equal(before, await StoreDump.CaptureAsync(readOnly));
        Assert.Equal(acme, await readOnly.FindOrganizationBySlugAsync("acme"));
        Assert.Empty(recorder.Changes);
    }

    public void Dispose() => _database.Dispose();
}
