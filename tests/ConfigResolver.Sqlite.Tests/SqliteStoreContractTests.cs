using ConfigResolver.Storage;
using ConfigResolver.Testing;

namespace ConfigResolver.Sqlite.Tests;

/// <summary>The store contract on a temporary SQLite file; reopening opens a second store on the same file.</summary>
public sealed class SqliteStoreContractTests : StoreContractTests, IDisposable
{
    private readonly Support.TempDatabase _database = new();

    protected override bool PersistsAcrossReopen => true;

    protected override async ValueTask<ITenantStore> CreateStoreAsync(ResolverOptions options, TimeProvider timeProvider) =>
        await SqliteTenantStore.OpenAsync(_database.Path, options, timeProvider);

    protected override ValueTask<ITenantStore> ReopenStoreAsync(ITenantStore store) => CreateStoreAsync(Options, Time);

    public void Dispose() => _database.Dispose();
}
