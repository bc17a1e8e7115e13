using System.Net;
using System.Text.Json;
using ConfigResolver.Hosting;
using ConfigResolver.Tenancy;
using ConfigResolver.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CompletionGateway.Tests;

/// <summary>The sample run in-process (WebApplicationFactory) over an in-memory store and the repository's policies.</summary>
public sealed class GatewayTests : IAsyncLifetime
{
    private const string Config = """{"version":1,"setups":{"default":{"providers":{"openai":{"enabled":true,"api_key":"sk-gateway-secret-1","base_url":"https://llm.acme.example/v1","default_model":"gpt-4o"},"ollama":{"enabled":false}}}}}""";

    private readonly WebApplicationFactory<Program> _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
    {
        web.UseSetting("ConfigResolver:Store:Provider", "InMemory");
        web.UseSetting("ConfigResolver:Policies:Directory", Path.Combine(TestPaths.RepositoryRoot, "policies"));
        web.UseSetting("ConfigResolver:Policies:Watch", "false");
    });

    public async Task InitializeAsync()
    {
        _ = _factory.Server;
        var runtime = _factory.Services.GetRequiredService<ConfigResolverRuntime>();
        await runtime.Administration.CreateOrganizationAsync(new CreateOrganizationRequest { Slug = "acme", Name = "Acme", ConfigJson = Config });
        await runtime.Administration.AddUserAsync("mia@acme.example");
        await runtime.Administration.AddUserAsync("val@acme.example");
        await runtime.Administration.SetMembershipAsync("acme", "mia@acme.example", MembershipRole.Owner);
        await runtime.Administration.SetMembershipAsync("acme", "val@acme.example", MembershipRole.Viewer);
        await runtime.Authorization!.WhenChangesAppliedAsync();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_member_gets_the_provider_settings_without_the_key()
    {
        var response = await SendAsync("/orgs/acme/completions/openai", "mia@acme.example");
        var body = await response.Content.ReadAsStringAsync();
        var json = JsonDocument.Parse(body).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("https://llm.acme.example/v1", json.GetProperty("base_url").GetString());
        Assert.Equal("gpt-4o", json.GetProperty("model").GetString());
        Assert.True(json.GetProperty("api_key_set").GetBoolean());
        Assert.DoesNotContain("sk-gateway-secret-1", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_viewer_is_refused_with_the_reason_code()
    {
        var response = await SendAsync("/orgs/acme/completions/openai", "val@acme.example");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("missing_role", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Unknown_organizations_and_anonymous_callers_are_404_and_401()
    {
        var unknown = await SendAsync("/orgs/nope/completions/openai", "mia@acme.example");
        var anonymous = await SendAsync("/orgs/acme/completions/openai", null);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task A_disabled_provider_is_refused()
    {
        var response = await SendAsync("/orgs/acme/completions/ollama", "mia@acme.example");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string? user)
    {
        using var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (user is not null)
        {
            request.Headers.Add("X-User", user);
        }

        return await client.SendAsync(request);
    }
}
