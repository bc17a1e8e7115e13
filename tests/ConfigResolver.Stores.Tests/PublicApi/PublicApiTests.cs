namespace ConfigResolver.Stores.Tests.PublicApi;

/// <summary>The ConfigResolver.Stores assembly's public surface as a reviewed diff (see <see cref="global::ConfigResolver.Testing.PublicApi"/>).</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void Public_api_matches_the_reviewed_file() =>
        global::ConfigResolver.Testing.PublicApi.Verify(typeof(TenantStoreLocator).Assembly, "tests/ConfigResolver.Stores.Tests/PublicApi/ConfigResolver.Stores.api.txt");
}
