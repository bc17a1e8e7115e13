namespace ConfigResolver.Authorization.Tests.PublicApi;

/// <summary>The ConfigResolver.Authorization assembly's public surface as a reviewed diff (see <see cref="global::ConfigResolver.Testing.PublicApi"/>).</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void Public_api_matches_the_reviewed_file() =>
        global::ConfigResolver.Testing.PublicApi.Verify(typeof(ConfigResolver.Authorization.AuthorizationService).Assembly, "tests/ConfigResolver.Authorization.Tests/PublicApi/ConfigResolver.Authorization.api.txt");
}
