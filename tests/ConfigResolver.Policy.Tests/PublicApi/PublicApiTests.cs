namespace ConfigResolver.Policy.Tests.PublicApi;

/// <summary>The ConfigResolver.Policy assembly's public surface as a reviewed diff (see <see cref="global::ConfigResolver.Testing.PublicApi"/>).</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void Public_api_matches_the_reviewed_file() =>
        global::ConfigResolver.Testing.PublicApi.Verify(typeof(ConfigResolver.Policy.Enforcer).Assembly, "tests/ConfigResolver.Policy.Tests/PublicApi/ConfigResolver.Policy.api.txt");
}
