using ConfigResolver.Storage;
using ConfigResolver.Testing;

namespace ConfigResolver.Tests.Storage;

public sealed class InMemoryStoreContractTests : StoreContractTests
{
    protected override ValueTask<ITenantStore> CreateStoreAsync(ResolverOptions options, TimeProvider timeProvider) =>
        new(new InMemoryTenantStore(options, timeProvider));
}
