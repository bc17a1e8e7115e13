using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ConfigResolver.AspNetCore;

/// <summary>
/// <c>GET /healthz</c>: runs the health checks (policies loaded, change feed connected, store reachable) and answers
/// 200 when none is unhealthy (degraded still serves), else 503, with <c>{"status", "checks": {name: {status, description, data?}}}</c> (data: the check's figures, such as
/// the serving policy revision or since when the change feed is down).
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
                if (entry.Data.Count > 0)
                {
                    WriteData(writer, entry.Data);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private static void WriteData(Utf8JsonWriter writer, IReadOnlyDictionary<string, object> data)
    {
        writer.WriteStartObject("data");
        foreach (var (key, value) in data.OrderBy(static d => d.Key, StringComparer.Ordinal))
        {
            switch (value)
            {
                case long number:
                    writer.WriteNumber(key, number);
                    break;
                case int number:
                    writer.WriteNumber(key, number);
                    break;
                case bool flag:
                    writer.WriteBoolean(key, flag);
                    break;
                case DateTimeOffset time:
                    writer.WriteString(key, time);
                    break;
                case TimeSpan span:
                    writer.WriteNumber(key, Math.Round(span.TotalSeconds, 3));
                    break;
                default:
                    writer.WriteString(key, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                    break;
            }
        }

        writer.WriteEndObject();
    }

    private static string Name(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}
