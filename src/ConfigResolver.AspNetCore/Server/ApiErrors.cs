using ConfigResolver.Diagnostics;
using ConfigResolver.Policy.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConfigResolver.AspNetCore;

/// <summary>
/// Runs an API handler and turns every failure into problem details: a refused request 400 (with the JSON path), an
/// unknown organization 404, a store that cannot be reached 503, anything unexpected 500 with no detail (logged, never a
/// stack trace in the response).
/// </summary>
internal static partial class ApiErrors
{
    /// <summary>
    /// Wraps a handler as a route handler delegate (not a <see cref="RequestDelegate"/>), so endpoint filters such as the
    /// <c>/v1</c> group's token check apply to it.
    /// </summary>
    public static Func<HttpContext, Task<IResult>> Guard(Func<HttpContext, Task> handler) => async context =>
    {
        await RunAsync(handler, context).ConfigureAwait(false);
        return Results.Empty;
    };

    private static async Task RunAsync(Func<HttpContext, Task> handler, HttpContext context)
    {
        try
        {
            await handler(context).ConfigureAwait(false);
        }
        catch (RequestProblem e)
        {
            await Problems.WriteAsync(context, 400, "Bad request", $"{e.JsonPath}: {e.Message}", ("path", e.JsonPath)).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e)
        {
            await Problems.WriteAsync(context, 400, "Bad request", $"$: {e.Message}", ("path", "$")).ConfigureAwait(false);
        }
        catch (PolicyEvaluationException e)
        {
            await Problems.WriteAsync(context, 400, "Bad request", $"$.request: {e.Message}", ("path", "$.request")).ConfigureAwait(false);
        }
        catch (ConfigResolverException e)
        {
            await WriteAsync(context, e).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
#pragma warning disable CA1031 // The API's last line of defence: whatever failed, the client gets a 500 without internals.
        catch (Exception e) when (!context.Response.HasStarted)
#pragma warning restore CA1031
        {
            LogUnexpected(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("ConfigResolver.Api"), context.Request.Path, e);
            await Problems.WriteAsync(context, 500, "Internal error", "the server could not answer this request; the error is in the server's log.").ConfigureAwait(false);
        }
    }

    private static Task WriteAsync(HttpContext context, ConfigResolverException e)
    {
        var first = e.Diagnostics.IsDefaultOrEmpty ? null : e.Diagnostics[0];
        var status = first?.Code switch
        {
            "TEN2005" => 404,
            "STO3001" => 503,
            _ => 400,
        };
        var diagnostics = e.Diagnostics.IsDefault ? [] : e.Diagnostics.Select(static d => new { code = d.Code, message = d.Message, pointer = d.Pointer, where = d.Where }).ToArray();
        var title = status switch { 404 => "Not found", 503 => "Store unavailable", _ => "Rejected" };
        return Problems.WriteAsync(context, status, title, first is null ? e.Message : $"{first.Code}: {first.Message}", ("diagnostics", diagnostics));
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Error, Message = "Unexpected error answering {Path}")]
    private static partial void LogUnexpected(ILogger logger, PathString path, Exception exception);
}
