using ConfigResolver.Storage;
using ConfigResolver.Testing;

namespace ConfigResolver.LiteDb.Tests;

/// <summary>The shared-store contract on one LiteDB file opened twice in shared mode, as two processes would.</summary>
public sealed class LiteDbMultiInstanceTests : MultiInstanceStoreTests, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cfgr-litedb-tests-").FullName;

    protected override async ValueTask<ITenantStore> OpenInstanceAsync(ResolverOptions options, TimeProvider timeProvider) =>
        await LiteDbTenantStore.OpenAsync(Path.Combine(_folder, "tenancy.litedb"), options, timeProvider: timeProvider);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
