using System.Net;
using ConfigResolver.Authorization;
using ConfigResolver.Authorization.Impact;
using ConfigResolver.Tenancy;
using ConfigResolver.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace ConfigResolver.Playground.Tests.Support;

/// <summary>
/// The playground mounted on a real Kestrel server on 127.0.0.1 (a free port), serving the shipped policies over two
/// organizations: 'acme' (owner olivia, admin adam, member mia, viewer vic) and 'beta' (member mia, owner bo).
/// </summary>
internal sealed class PlaygroundHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PlaygroundHost(WebApplication app, string address)
    {
        _app = app;
        BaseAddress = new Uri(address.TrimEnd('/') + "/playground/");
    }

    /// <summary>The page's address (<c>http://127.0.0.1:PORT/playground/</c>).</summary>
    public Uri BaseAddress { get; }

    public static async Task<PlaygroundHost> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var (facts, names) = World();
        IReadOnlyDictionary<string, string> files = Directory.EnumerateFiles(ShippedPolicies, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(ShippedPolicies, f).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);
        var serving = AuthorizationSnapshot.Create(PolicyLoader.LoadDirectory(ShippedPolicies, timeProvider: TestTime.Fixed), facts, new AuthorizationOptions { TimeProvider = TestTime.Fixed });
        app.MapPolicyPlayground(new PolicyPlaygroundOptions
        {
            Serving = () => serving,
            InitialFiles = _ => Task.FromResult(files),
            Population = _ => Task.FromResult(ImpactPopulation.Create(facts, names.GetValueOrDefault, [], TestTime.Fixed.GetUtcNow())),
            TimeProvider = TestTime.Fixed,
        });
        await app.StartAsync();
        return new PlaygroundHost(app, app.Urls.First());
    }

    public static string ShippedPolicies => Path.Combine(TestPaths.RepositoryRoot, "policies");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static (TenantFacts Facts, Dictionary<Guid, string> Names) World()
    {
        var now = TestTime.Fixed.GetUtcNow();
        var names = new Dictionary<Guid, string>();
        var orgs = new List<Organization>();
        var memberships = new List<Membership>();
        Organization Org(string slug, bool system = false)
        {
            var org = new Organization { Id = Guid.NewGuid(), Slug = slug, Name = slug, IsSystem = system, CreatedAt = now, UpdatedAt = now };
            orgs.Add(org);
            return org;
        }

        Guid User(string email) => names.FirstOrDefault(n => n.Value == email) is { Value: not null } known ? known.Key : Add(email);
        Guid Add(string email)
        {
            var id = Guid.NewGuid();
            names[id] = email;
            return id;
        }

        Org("system", system: true);
        var acme = Org("acme");
        var beta = Org("beta");
        foreach (var (org, email, role) in new[]
        {
            (acme, "olivia@acme.example", MembershipRole.Owner), (acme, "adam@acme.example", MembershipRole.Admin),
            (acme, "mia@acme.example", MembershipRole.Member), (acme, "vic@acme.example", MembershipRole.Viewer),
            (beta, "mia@acme.example", MembershipRole.Member), (beta, "bo@beta.example", MembershipRole.Owner),
        })
        {
            memberships.Add(new Membership(org.Id, User(email), role));
        }

        return (TenantFacts.Create(orgs, memberships, new Dictionary<Guid, Resolution.TenantConfig>()), names);
    }
}
