namespace ConfigResolver.LiteDb.Tests.PublicApi;

/// <summary>The ConfigResolver.LiteDb assembly's public surface as a reviewed diff (see <see cref="global::ConfigResolver.Testing.PublicApi"/>).</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void Public_api_matches_the_reviewed_file() =>
        global::ConfigResolver.Testing.PublicApi.Verify(typeof(LiteDbTenantStore).Assembly, "tests/ConfigResolver.LiteDb.Tests/PublicApi/ConfigResolver.LiteDb.api.txt");
}
