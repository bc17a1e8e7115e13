using System.Text.Json;
using ConfigResolver.Policy;
using ConfigResolver.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ConfigResolver.AspNetCore;

internal sealed partial class ApiHandlers
{
    private Enforcer RequireEnforcer() => options.Enforcer ?? throw new RequestProblem(
        "$", "expected a server started with a Casbin model (cfgr serve --model M.conf --policy P.csv); this one has none.");

    private (string Path, string Display)? PolicyRoot(IServiceProvider services)
    {
        if (options.PolicyDirectoryDisplay is not { } display)
        {
            return null;
        }

        var directory = services.GetRequiredService<IOptions<ConfigResolverOptions>>().Value.Policies.Directory;
        return directory is null ? null : (Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)), display);
    }

    private static object?[] RequestValues(JsonElement body, string name, string path) =>
        body.TryGetProperty(name, out var request) ? Values(request, path) : throw new RequestProblem(path, "expected an array of request values such as [\"alice\", \"data1\", \"read\"]; found none.");

    private static object?[] Values(JsonElement request, string path)
    {
        if (request.ValueKind != JsonValueKind.Array)
        {
            throw new RequestProblem(path, $"expected an array of request values such as [\"alice\", \"data1\", \"read\"]; found {JsonFields.Describe(request)}.");
        }

        return [.. request.EnumerateArray().Select((value, i) => JsonFields.ToValue(value, $"{path}[{i}]"))];
    }

    private static bool QueryFlag(HttpContext context, string name)
    {
        var values = context.Request.Query[name];
        if (values.Count == 0)
        {
            return false;
        }

        return values[0] switch
        {
            "true" or "1" or "" => true,
            "false" or "0" => false,
            var other => throw new RequestProblem($"?{name}", $"expected 'true' or 'false'; found '{other}'."),
        };
    }

    private static async Task WriteJsonAsync(HttpContext context, Action<Utf8JsonWriter> write)
    {
        context.Response.ContentType = "application/json";
        using (var writer = new Utf8JsonWriter(context.Response.BodyWriter, Problems.WriterOptions))
        {
            write(writer);
        }

        await context.Response.BodyWriter.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }
}
