using ConfigResolver.Testing;

namespace ConfigResolver.Postgres.Tests.Support;

/// <summary>Every PostgreSQL test class shares one throwaway server (<see cref="PostgresFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresServerGroup : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL server";
}
