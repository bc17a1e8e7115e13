using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace ConfigResolver.Cli.Serve;

/// <summary>
/// A part of what <c>cfgr serve</c> serves beyond the core API: more <c>/v1</c> endpoints (they get the token check
/// through the /v1 group) or pages. Add one file implementing this and one line to <see cref="ServeModules.For"/>.
/// </summary>
internal interface IServeModule
{
    /// <summary>Adds services before the host is built.</summary>
    /// <param name="builder">The web application builder.</param>
    void ConfigureServices(WebApplicationBuilder builder);

    /// <summary>Maps endpoints.</summary>
    /// <param name="app">The application (for pages outside <c>/v1</c>).</param>
    /// <param name="v1">The <c>/v1</c> group, which carries the bearer token check.</param>
    void Map(WebApplication app, RouteGroupBuilder v1);
}
