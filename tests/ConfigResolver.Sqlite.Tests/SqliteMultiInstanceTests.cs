using ConfigResolver.Storage;
using ConfigResolver.Testing;

namespace ConfigResolver.Sqlite.Tests;

/// <summary>The shared-store contract on one SQLite file opened twice (two connections sets, two pollers), as two processes would.</summary>
public sealed class SqliteMultiInstanceTests : MultiInstanceStoreTests, IDisposable
{
    private readonly Support.TempDatabase _database = new();

    protected override async ValueTask<ITenantStore> OpenInstanceAsync(ResolverOptions options, TimeProvider timeProvider) =>
        await SqliteTenantStore.OpenAsync(_database.Path, options, timeProvider);

    public void Dispose() => _database.Dispose();
}
