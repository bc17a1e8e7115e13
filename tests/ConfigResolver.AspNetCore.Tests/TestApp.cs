using ConfigResolver.Hosting;
using ConfigResolver.Testing;
using ConfigResolver.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ConfigResolver.AspNetCore.Tests;

/// <summary>
/// An in-memory ASP.NET Core app over an in-memory store with the shipped policies: acme has alice (owner) and victor
/// (viewer), globex is suspended with gary (owner). Endpoints use RequirePermission; the API is mapped under /v1.
/// </summary>
internal sealed class TestApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestApp(WebApplication app, HttpClient client, User alice, User victor, User gary)
    {
        _app = app;
        Client = client;
        Alice = alice;
        Victor = victor;
        Gary = gary;
    }

    public HttpClient Client { get; }

    public User Alice { get; }

    public User Victor { get; }

    public User Gary { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<TestApp> StartAsync(Action<ConfigResolverAspNetCoreOptions>? configure = null, ConfigResolverApiOptions? api = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddAuthentication(TestAuthHandler.SchemeName).AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, null);
        builder.Services.AddControllers().AddApplicationPart(typeof(TestApp).Assembly);
        builder.Services.AddConfigResolver(o => o.Store.Provider = StoreProvider.InMemory)
            .AddAuthorization(p => p.FromDirectory(Path.Combine(TestPaths.RepositoryRoot, "policies"), watch: false))
            .UseEnvironmentLayer(new ConfigurationBuilder().Build())
            .AddAspNetCore(configure);
        var app = builder.Build();
        app.UseConfigResolver();
        app.MapGet("/orgs/{org}/agents", (HttpContext c) => c.GetTenantConfig().OrganizationSlug).RequirePermission("agents:write");
        app.MapDelete("/orgs/{org}/agents/{id}", (string id) => "deleted " + id).RequirePermission("agents:delete", "agent/{id}");
        app.MapGet("/orgs/{org}/open", (HttpContext c) => c.GetTenantConfig().Providers["openai"].DefaultModel);
        app.MapGet("/agents", (HttpContext c) => c.GetTenantConfig().OrganizationSlug).RequirePermission("agents:read");
        app.MapControllers();
        app.MapConfigResolverApi(api);
        await app.StartAsync();

        var admin = app.Services.GetRequiredService<ConfigResolverRuntime>().Administration;
        await admin.CreateOrganizationAsync(new CreateOrganizationRequest { Slug = "acme", Name = "Acme", ConfigJson = Config });
        await admin.CreateOrganizationAsync(new CreateOrganizationRequest { Slug = "globex", Name = "Globex", ConfigJson = Config, Status = OrganizationStatus.Suspended });
        var alice = await admin.AddUserAsync("alice@acme.example");
        var victor = await admin.AddUserAsync("victor@acme.example");
        var gary = await admin.AddUserAsync("gary@globex.example");
        await admin.SetMembershipAsync("acme", alice.Email, MembershipRole.Owner);
        await admin.SetMembershipAsync("acme", victor.Email, MembershipRole.Viewer);
        await admin.SetMembershipAsync("globex", gary.Email, MembershipRole.Owner);
        await app.Services.GetRequiredService<ConfigResolverRuntime>().Authorization!.WhenChangesAppliedAsync();
        return new TestApp(app, app.GetTestClient(), alice, victor, gary);
    }

    public const string Config = """{"version":1,"setups":{"default":{"providers":{"openai":{"enabled":true,"api_key":"sk-test-secret-123456","default_model":"gpt-4o"}}}}}""";

    public static HttpRequestMessage Request(HttpMethod method, string path, User? user = null, string? org = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (user is not null)
        {
            request.Headers.Add("X-Test-User", user.Id.ToString("D"));
        }

        if (org is not null)
        {
            request.Headers.Add("X-Test-Org", org);
        }

        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
