using CompletionGateway;
using Microsoft.AspNetCore.Authentication;

// A minimal completion gateway: per request it finds the caller's organization (route value {org}), checks
// 'completions:create' on the provider, and answers with the provider settings it would forward to. It never returns
// the provider's API key. Authentication is the host's own; this sample trusts an X-User header (replace it).
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAuthentication(HeaderUserHandler.SchemeName).AddScheme<AuthenticationSchemeOptions, HeaderUserHandler>(HeaderUserHandler.SchemeName, null);

// The two lines: ConfigResolver from the "ConfigResolver" section (store, policies), with ASP.NET Core integration...
builder.Services.AddConfigResolver(builder.Configuration.GetSection("ConfigResolver")).AddAspNetCore();
var app = builder.Build();

// ...and tenant resolution for every request.
app.UseConfigResolver();

app.MapPost("/orgs/{org}/completions/{provider}", CompletionRoute.Describe)
    .RequirePermission("completions:create", "provider/{provider}");
app.MapGet("/healthz", () => "ok");

app.Run();

/// <summary>The entry point, visible to the in-process tests.</summary>
public partial class Program;
