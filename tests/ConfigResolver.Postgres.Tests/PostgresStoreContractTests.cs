using ConfigResolver.Postgres.Tests.Support;
using ConfigResolver.Storage;
using ConfigResolver.Testing;

namespace ConfigResolver.Postgres.Tests;

/// <summary>The store contract on a fresh PostgreSQL database per test; reopening opens a second instance on it.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class PostgresStoreContractTests(PostgresFixture fixture) : StoreContractTests
{
    private string? _connectionString;

    protected override bool PersistsAcrossReopen => true;

    protected override async ValueTask<ITenantStore> CreateStoreAsync(ResolverOptions options, TimeProvider timeProvider)
    {
        _connectionString ??= await fixture.Server.CreateDatabaseAsync();
        return await PostgresTenantStore.OpenAsync(_connectionString, options, timeProvider: timeProvider);
    }

    protected override ValueTask<ITenantStore> ReopenStoreAsync(ITenantStore store) => CreateStoreAsync(Options, Time);
}
