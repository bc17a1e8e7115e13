namespace ConfigResolver.Postgres.Tests.PublicApi;

/// <summary>The ConfigResolver.Postgres assembly's public surface as a reviewed diff (see <see cref="global::ConfigResolver.Testing.PublicApi"/>).</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void Public_api_matches_the_reviewed_file() =>
        global::ConfigResolver.Testing.PublicApi.Verify(typeof(PostgresTenantStore).Assembly, "tests/ConfigResolver.Postgres.Tests/PublicApi/ConfigResolver.Postgres.api.txt");
}
