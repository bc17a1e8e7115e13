using System.Diagnostics;
using ConfigResolver.Diagnostics;
using ConfigResolver.Sqlite.Tests.Support;
using ConfigResolver.Storage;
using ConfigResolver.Testing;

namespace ConfigResolver.Sqlite.Tests;

/// <summary>Paths SQLite must never be handed: refused before it touches them, with the real cause named.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DatabaseLocationTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose()
    {
        ReadOnlyFolder.MakeWritable(_database.Folder);
        _database.Dispose();
    }

    [Theory]
    [InlineData("/dev/null", "is a character device, not a database file")]
    [InlineData("/dev/zero", "is a character device, not a database file")]
    public async Task A_device_is_refused_and_nothing_is_created_beside_it(string device, string cause)
    {
        var e = await Assert.ThrowsAsync<TenantStoreException>(() => SqliteTenantStore.OpenAsync(device));

        var d = Assert.Single(e.Diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidDatabasePath, d.Code);
        Assert.Contains(cause, d.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(device + "-journal"));
        Assert.False(File.Exists(device + "-wal"));
    }

    [Fact]
    public async Task A_fifo_is_refused_without_blocking()
    {
        var fifo = Path.Combine(_database.Folder, "pipe.db");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync();
        }

        var e = await Assert.ThrowsAsync<TenantStoreException>(() => SqliteTenantStore.OpenAsync(fifo)).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Contains("is a named pipe (FIFO), not a database file", Assert.Single(e.Diagnostics).Message, StringComparison.Ordinal);
        Assert.Equal(["pipe.db"], Directory.GetFileSystemEntries(_database.Folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_directory_is_named_as_a_directory()
    {
        var e = await Assert.ThrowsAsync<TenantStoreException>(() => SqliteTenantStore.OpenAsync(_database.Folder));

        var d = Assert.Single(e.Diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidDatabasePath, d.Code);
        Assert.Contains("is a directory, not a database file", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_folder_is_named_as_the_folder()
    {
        var e = await Assert.ThrowsAsync<TenantStoreException>(() => SqliteTenantStore.OpenAsync(Path.Combine(_database.Folder, "none", "x.db")));

        Assert.Contains($"the folder '{Path.Combine(_database.Folder, "none")}' does not exist", Assert.Single(e.Diagnostics).Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_database.Folder, "none")));
    }

    [Fact]
    public async Task A_read_only_folder_is_reported_as_the_folder_not_as_a_read_only_file()
    {
        ReadOnlyFolder.Make(_database.Folder);

        var e = await Assert.ThrowsAsync<TenantStoreException>(() => SqliteTenantStore.OpenAsync(_database.Path));

        var d = Assert.Single(e.Diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidDatabasePath, d.Code);
        Assert.Contains($"the folder '{_database.Folder}' is read-only", d.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("file's permissions", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_existing_database_in_a_read_only_folder_names_the_folder()
    {
        await (await SqliteTenantStore.OpenAsync(_database.Path)).DisposeAsync();
        ReadOnlyFolder.Make(_database.Folder);

        var e = await Assert.ThrowsAsync<TenantStoreException>(async () =>
        {
            await using var store = await SqliteTenantStore.OpenAsync(_database.Path);
            await store.CreateOrganizationAsync(TenantFactory.Organization("acme", TestTime.CreateClock()));
        });

        Assert.Contains($"the folder '{_database.Folder}' holding the database is read-only", Assert.Single(e.Diagnostics).Message, StringComparison.Ordinal);
    }
}
