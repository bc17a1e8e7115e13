using System.Net;
using System.Text.Json;

namespace ConfigResolver.AspNetCore.Tests;

public sealed class PermissionTests
{
    [Fact]
    public async Task An_allowed_request_reaches_the_endpoint_with_its_tenant_config()
    {
        await using var app = await TestApp.StartAsync();

        var response = await app.Client.SendAsync(TestApp.Request(HttpMethod.Get, "/orgs/acme/agents", app.Alice));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("acme", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_denial_is_403_problem_details_with_the_reason_code()
    {
        await using var app = await TestApp.StartAsync();

        var response = await app.Client.SendAsync(TestApp.Request(HttpMethod.Get, "/orgs/acme/agents", app.Victor));
        var problem = await Problem(response);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(403, problem.GetProperty("status").GetInt32());
        Assert.Equal("missing_role", problem.GetProperty("reason").GetString());
        Assert.StartsWith("missing role: 'agents:write'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_denial_by_a_rule_names_the_deciding_rule_and_never_a_secret()
    {
        await using var app = await TestApp.StartAsync();

        var response = await app.Client.SendAsync(TestApp.Request(HttpMethod.Get, "/orgs/globex/agents", app.Gary));
        var body = await response.Content.ReadAsStringAsync();
        var problem = JsonDocument.Parse(body).RootElement;

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("denied_by_rule", problem.GetProperty("reason").GetString());
        Assert.Equal("org.status/suspended-org-is-read-only", problem.GetProperty("rule").GetString());
        Assert.DoesNotContain("sk-test-secret", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_organization_is_404()
    {
        await using var app = await TestApp.StartAsync();

        var response = await app.Client.SendAsync(TestApp.Request(HttpMethod.Get, "/orgs/nope/agents", app.Alice));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("unknown_organization", (await Problem(response)).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_request_without_a_user_is_401()
    {
        await using var app = await TestApp.StartAsync();

        var response = await app.Client.SendAsync(TestApp.Request(HttpMethod.Get, "/orgs/acme/agents"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("no_user", (await Problem(response)).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task The_resource_takes_route_values()
    {
        await using var app = await TestApp.StartAsync();

        var owner = await app.Client.SendAsync(TestApp.Request(HttpMethod.Delete, "/orgs/acme/agents/42", app.Alice));
        var viewer = await app.Client.SendAsync(TestApp.Request(HttpMethod.Delete, "/orgs/acme/agents/42", app.Victor));

        Assert.Equal("deleted 42", await owner.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
    }

    [Fact]
    public async Task Controllers_use_the_attribute_with_the_same_answers()
    {
        await using var app = await TestApp.StartAsync();

        var allowed = await app.Client.SendAsync(TestApp.Request(HttpMethod.Post, "/mvc/orgs/acme/agents", app.Alice));
        var denied = await app.Client.SendAsync(TestApp.Request(HttpMethod.Delete, "/mvc/orgs/acme/agents/7", app.Victor));
        var unknown = await app.Client.SendAsync(TestApp.Request(HttpMethod.Post, "/mvc/orgs/nope/agents", app.Alice));

        Assert.Equal("created in acme", await allowed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal("missing_role", (await Problem(denied)).GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Users_given_by_email_claims_are_mapped_to_their_ids()
    {
        await using var app = await TestApp.StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/orgs/acme/agents");
        request.Headers.Add("X-Test-User", "alice@acme.example");

        var response = await app.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
