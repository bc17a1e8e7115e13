using ConfigResolver.Storage;
using ConfigResolver.Testing;

namespace ConfigResolver.LiteDb.Tests;

/// <summary>The store contract on a temporary LiteDB file in shared mode; reopening opens a second store on the same file.</summary>
public sealed class LiteDbStoreContractTests : StoreContractTests, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cfgr-litedb-tests-").FullName;

    protected override bool PersistsAcrossReopen => true;

    protected override async ValueTask<ITenantStore> CreateStoreAsync(ResolverOptions options, TimeProvider timeProvider) =>
        await LiteDbTenantStore.OpenAsync(Path.Combine(_folder, "tenancy.litedb"), options, timeProvider: timeProvider);

    protected override ValueTask<ITenantStore> ReopenStoreAsync(ITenantStore store) => CreateStoreAsync(Options, Time);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
