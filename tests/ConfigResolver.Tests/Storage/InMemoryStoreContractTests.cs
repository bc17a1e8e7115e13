using ConfigResolver.Storage;
using ConfigResolver.Testing;

namespace ConfigResolver.Tests.Storage;

public sealed class InMemoryStoreContractTests : StoreContractTests
{
    protected override ValueTask<ITenantStore> CreateStoreAsync(string systemSlug, TimeProvider timeProvider) =>
        new(new InMemoryTenantStore(new ResolverOptions { SystemSlug = systemSlug }, timeProvider));
}
