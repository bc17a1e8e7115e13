using System.Net;

namespace ConfigResolver.AspNetCore.Tests;

public sealed class TenantStrategyTests
{
    [Fact]
    public async Task Without_configuration_the_route_value_wins_over_the_header_and_the_claim()
    {
        await using var app = await TestApp.StartAsync();
        var request = TestApp.Request(HttpMethod.Get, "/orgs/acme/open", org: "globex");
        request.Headers.Add("X-Org", "globex");

        var response = await app.Client.SendAsync(request);

        Assert.Equal("gpt-4o", await response.Content.ReadAsStringAsync());
    }

    public static TheoryData<string[], string?, string?, string> Orders => new()
    {
        // strategies in order, header X-Org, claim org, expected organization (or 401/404 text)
        { ["header", "claim"], "acme", "globex", "acme" },
        { ["claim", "header"], "acme", "globex", "globex" },
        { ["claim", "header"], "acme", null, "acme" },
        { ["header"], null, "globex", "404" },
        { ["host"], null, null, "acme" },
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Strategies_run_in_the_configured_order_and_the_first_match_wins(string[] order, string? header, string? claim, string expected)
    {
        await using var app = await TestApp.StartAsync(o =>
        {
            foreach (var strategy in order)
            {
                _ = strategy switch
                {
                    "header" => o.Tenants.FromHeader(),
                    "claim" => o.Tenants.FromClaim(),
                    _ => o.Tenants.FromHost("tenants.example"),
                };
            }
        });
        var user = expected == "globex" ? app.Gary : app.Alice;
        var request = TestApp.Request(HttpMethod.Get, "http://acme.tenants.example/agents", user, claim);
        if (header is not null)
        {
            request.Headers.Add("X-Org", header);
        }

        var response = await app.Client.SendAsync(request);

        if (expected == "404")
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("no_organization", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(expected, await response.Content.ReadAsStringAsync());
        }
    }
}
