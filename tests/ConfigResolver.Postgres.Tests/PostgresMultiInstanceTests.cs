using ConfigResolver.Postgres.Tests.Support;
using ConfigResolver.Storage;
using ConfigResolver.Testing;

namespace ConfigResolver.Postgres.Tests;

/// <summary>The shared-store contract: two instances (two pools, two listeners) on one PostgreSQL database.</summary>
[Collection(PostgresServerGroup.Name)]
public sealed class PostgresMultiInstanceTests(PostgresFixture fixture) : MultiInstanceStoreTests
{
    private string? _connectionString;

    protected override async ValueTask<ITenantStore> OpenInstanceAsync(ResolverOptions options, TimeProvider timeProvider)
    {
        _connectionString ??= await fixture.Server.CreateDatabaseAsync();
        return await PostgresTenantStore.OpenAsync(_connectionString, options, timeProvider: timeProvider);
    }
}
