namespace ConfigResolver.Tests.PublicApi;

/// <summary>The core assembly's public surface as a reviewed diff (see <see cref="global::ConfigResolver.Testing.PublicApi"/>).</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void Public_api_matches_the_reviewed_file() =>
        global::ConfigResolver.Testing.PublicApi.Verify(typeof(ConfigResolver.Resolution.TenantConfigResolver).Assembly, "tests/ConfigResolver.Tests/PublicApi/ConfigResolver.api.txt");
}
