using ConfigResolver.Resolution;
using ConfigResolver.Testing;

namespace ConfigResolver.Tests.PublicApi;

/// <summary>The core assembly's public surface as a reviewed diff (see <see cref="Testing.PublicApi"/>).</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void Public_api_matches_the_reviewed_file() =>
        Testing.PublicApi.Verify(typeof(TenantConfigResolver).Assembly, "tests/ConfigResolver.Tests/PublicApi/ConfigResolver.api.txt");
}
