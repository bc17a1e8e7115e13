using System.Diagnostics.Metrics;
using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using ConfigResolver.Authorization;
using ConfigResolver.Hosting;
using ConfigResolver.Resolution;
using ConfigResolver.Tenancy;
using ConfigResolver.TestData;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using AspNetAuthorization = Microsoft.AspNetCore.Authorization;

namespace ConfigResolver.Benchmarks.Hosting;

/// <summary>
/// Issue 13's cached hot paths: the engine's <c>Check</c>/<c>ResolveAsync</c> (baselines) against the same calls
/// through the hosting adapters, which count on the request path, with a <see cref="MeterListener"/> attached to the
/// <c>ConfigResolver</c> meters; and the <c>RequirePermission</c> cost: an authorization of a request context against
/// the permission policy (tenant from the route, user from the claims, cached decision) against building the same
/// context without it.
/// </summary>
[MemoryDiagnoser]
public class HostingBenchmarks
{
    private const string Policy = "configresolver:permission:agents:write";

    private WebApplication _app = null!;
    private MeterListener _listener = null!;
    private AuthorizationService _service = null!;
    private IAuthorizationChecker _checker = null!;
    private TenantConfigResolver _resolver = null!;
    private ITenantConfigResolver _adapter = null!;
    private AspNetAuthorization.IAuthorizationService _authorization = null!;
    private Principal _principal = null!;
    private ClaimsPrincipal _user = null!;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        _listener.Dispose();
        _app.StopAsync().GetAwaiter().GetResult();
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "Check, cached (engine)")]
    public bool CheckEngine() => _service.Check(_principal, "acme", "agents:write").Allowed;

    [Benchmark(Description = "Check, cached (IAuthorizationChecker, meter + listener)")]
    public bool CheckAdapter() => _checker.Check(_principal, "acme", "agents:write").Allowed;

    [Benchmark(Description = "Resolve, cached (engine)")]
    public TenantConfig ResolveEngine() => Completed(_resolver.ResolveAsync("acme"));

    [Benchmark(Description = "Resolve, cached (ITenantConfigResolver, meter + listener)")]
    public TenantConfig ResolveAdapter() => Completed(_adapter.ResolveAsync("acme"));

    [Benchmark(Description = "request context, no permission")]
    public bool WithoutPermission() => Context().Request.RouteValues.Count == 1;

    [Benchmark(Description = "request context + RequirePermission, cached")]
    public bool WithPermission()
    {
        var context = Context();
        return _authorization.AuthorizeAsync(_user, context, Policy).GetAwaiter().GetResult().Succeeded;
    }

    /// <summary>Checks the scenario: the user is allowed through both paths, and both resolve acme.</summary>
    public void Verify()
    {
        if (!CheckEngine() || !CheckAdapter() || !WithPermission() || ResolveAdapter().OrganizationSlug != "acme" || ResolveEngine() != ResolveAdapter())
        {
            throw new InvalidOperationException("the hosting benchmark scenario does not hold");
        }
    }

    private static TenantConfig Completed(ValueTask<TenantConfig> pending) =>
        pending.IsCompletedSuccessfully ? pending.Result : throw new InvalidOperationException("a cached resolve did not complete synchronously");

    private DefaultHttpContext Context()
    {
        var context = new DefaultHttpContext { RequestServices = _app.Services, User = _user };
        context.Request.RouteValues = new RouteValueDictionary { ["org"] = "acme" };
        return context;
    }

    private async Task SetupAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseSetting("urls", "http://127.0.0.1:0");
        builder.Services.AddConfigResolver(o => o.Store.Provider = StoreProvider.InMemory)
            .AddAuthorization(p => p.FromDirectory(Path.Combine(TestDataFiles.RepositoryRoot, "policies"), watch: false))
            .UseEnvironmentLayer(new ConfigurationBuilder().Build())
            .AddAspNetCore();
        _app = builder.Build();
        await _app.StartAsync();
        var runtime = _app.Services.GetRequiredService<ConfigResolverRuntime>();
        await runtime.Administration.CreateOrganizationAsync(new CreateOrganizationRequest { Slug = "acme", Name = "Acme" });
        var user = await runtime.Administration.AddUserAsync("bench@acme.example");
        await runtime.Administration.SetMembershipAsync("acme", user.Email, MembershipRole.Owner);
        await runtime.Authorization!.WhenChangesAppliedAsync();

        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == ConfigResolverTelemetryNames.Meter)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _listener.SetMeasurementEventCallback<long>(static (_, _, _, _) => { });
        _listener.Start();

        _service = runtime.Authorization;
        _resolver = runtime.Resolver;
        _checker = _app.Services.GetRequiredService<IAuthorizationChecker>();
        _adapter = _app.Services.GetRequiredService<ITenantConfigResolver>();
        _authorization = _app.Services.GetRequiredService<AspNetAuthorization.IAuthorizationService>();
        _principal = Principal.ForUser(user.Id);
        _user = new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", user.Id.ToString("D"))], "bench"));
        Verify();
    }
}
