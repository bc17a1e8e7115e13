using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ConfigResolver.AspNetCore;

/// <summary>
/// <c>GET /healthz</c>: runs the health checks (policies loaded, change feed connected, store reachable) and answers
/// 200 when none is unhealthy (degraded still serves), else 503, with <c>{"status", "checks": {name: {status, description}}}</c>.
/// </summary>
internal static class HealthEndpoint
{
    public static async Task WriteAsync(HttpContext context)
    {
        var report = await context.RequestServices.GetRequiredService<HealthCheckService>().CheckHealthAsync(context.RequestAborted).ConfigureAwait(false);
        context.Response.StatusCode = report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        using (var writer = new Utf8JsonWriter(context.Response.BodyWriter, Problems.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("status", Name(report.Status));
            writer.WriteStartObject("checks");
            foreach (var (name, entry) in report.Entries.OrderBy(static e => e.Key, StringComparer.Ordinal))
            {
                writer.WriteStartObject(name);
                writer.WriteString("status", Name(entry.Status));
                writer.WriteString("description", entry.Description);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static string Name(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}
