namespace ConfigResolver.Sqlite.Tests.PublicApi;

/// <summary>The ConfigResolver.Sqlite assembly's public surface as a reviewed diff (see <see cref="global::ConfigResolver.Testing.PublicApi"/>).</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void Public_api_matches_the_reviewed_file() =>
        global::ConfigResolver.Testing.PublicApi.Verify(typeof(ConfigResolver.Sqlite.SqliteTenantStore).Assembly, "tests/ConfigResolver.Sqlite.Tests/PublicApi/ConfigResolver.Sqlite.api.txt");
}
