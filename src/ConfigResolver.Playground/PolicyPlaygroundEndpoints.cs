using System.Net;
using ConfigResolver.Playground;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Mounts the policy playground: <c>GET {prefix}/</c> (the page and its script and style), <c>GET {prefix}/api/files</c>
/// and <c>POST {prefix}/api/lint|test|check|impact</c>.
/// </summary>
public static class PolicyPlaygroundEndpoints
{
    /// <summary>
    /// Maps the playground's page and endpoints under <paramref name="prefix"/>. A request from a non-loopback address,
    /// or naming a host other than <c>localhost</c> or a loopback address (a DNS-rebinding page), gets 403.
    /// </summary>
    /// <param name="endpoints">The endpoint builder (a <c>WebApplication</c>).</param>
    /// <param name="options">What the playground serves.</param>
    /// <param name="prefix">The path the page lives under; <c>/playground</c> by default.</param>
    /// <returns>The group of endpoints, for further conventions.</returns>
    /// <remarks>The playground compiles what it is sent and never writes: the working copy lives in the browser.</remarks>
    public static RouteGroupBuilder MapPolicyPlayground(this IEndpointRouteBuilder endpoints, PolicyPlaygroundOptions options, string prefix = "/playground")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(options);
        var api = new PlaygroundApi(options);
        var group = endpoints.MapGroup(prefix);
        group.AddEndpointFilter(static async (context, next) => IsLoopback(context.HttpContext.Connection.RemoteIpAddress) && IsLoopbackHost(context.HttpContext.Request.Host)
            ? await next(context).ConfigureAwait(false)
            : Results.StatusCode(StatusCodes.Status403Forbidden));
        group.MapGet("/", static () => PlaygroundAssets.Result("index.html"));
        group.MapGet("/playground.js", static () => PlaygroundAssets.Result("playground.js"));
        group.MapGet("/playground.css", static () => PlaygroundAssets.Result("playground.css"));
        group.MapGet("/api/files", api.FilesAsync);
        group.MapPost("/api/lint", api.LintAsync);
        group.MapPost("/api/test", api.TestAsync);
        group.MapPost("/api/check", api.CheckAsync);
        group.MapPost("/api/impact", api.ImpactAsync);
        return group;
    }

    /// <summary>Whether a remote address is the machine itself (an in-process test server has none).</summary>
    internal static bool IsLoopback(IPAddress? address) => address is null || IPAddress.IsLoopback(address);

    /// <summary>
    /// Whether the Host header names this machine. A page on another site whose name an attacker points at 127.0.0.1
    /// (DNS rebinding) sends its own name, so it is refused even though the connection is local.
    /// </summary>
    internal static bool IsLoopbackHost(HostString host) =>
        host.HasValue && (string.Equals(host.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)));
}
