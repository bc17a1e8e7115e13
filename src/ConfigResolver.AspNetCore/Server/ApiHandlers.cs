using System.Text.Json;
using ConfigResolver.Hosting;
using ConfigResolver.Resolution;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ConfigResolver.AspNetCore;

/// <summary>The <c>/v1</c> handlers. Each reads a bounded, strictly checked request and writes compact JSON (the config endpoint: the same indented document as <c>cfgr resolve --json</c>).</summary>
internal sealed partial class ApiHandlers(ConfigResolverApiOptions options)
{
    private static readonly string[] s_enforceFields = ["request"];
    private static readonly string[] s_batchFields = ["requests"];

    public BearerToken? Token { get; } = options.BearerToken is { Length: > 0 } token ? new BearerToken(token) : null;

    public static async Task ResolveAsync(HttpContext context)
    {
        var slug = (string)context.Request.RouteValues["slug"]!;
        var setup = context.Request.Query["setup"] is { Count: > 0 } s ? s[0] : null;
        var explain = QueryFlag(context, "explain");
        var resolver = context.RequestServices.GetRequiredService<ITenantConfigResolver>();
        var config = await resolver.ResolveAsync(slug, string.IsNullOrEmpty(setup) ? null : setup, context.RequestAborted).ConfigureAwait(false);
        context.Response.ContentType = "application/json";
        using (var writer = new Utf8JsonWriter(context.Response.BodyWriter, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            // Secrets are always redacted here: the HTTP API has no way to ask for them.
            TenantConfigJson.Write(writer, config, revealSecrets: false, explain);
        }

        await context.Response.BodyWriter.WriteAsync("\n"u8.ToArray(), context.RequestAborted).ConfigureAwait(false);
    }

    public async Task CheckAsync(HttpContext context)
    {
        CheckRequest request;
        using (var body = await JsonBody.ReadAsync(context.Request, options.MaxRequestBodyBytes).ConfigureAwait(false))
        {
            request = CheckRequest.Read(body.RootElement);
        }

        var services = context.RequestServices;
        var principal = await services.GetRequiredService<PrincipalMapper>().MapValueAsync(request.User, context.RequestAborted).ConfigureAwait(false);
        if (principal is null)
        {
            await Problems.WriteAsync(context, 404, "Unknown user", $"$.user: there is no user '{request.User}' (expected a user id or a known email).",
                ("path", "$.user"), ("reason", "unknown_user")).ConfigureAwait(false);
            return;
        }

        var decision = services.GetRequiredService<IAuthorizationChecker>().Check(principal, request.Org, request.Action, request.Resource, request.Context);
        var explanation = request.Explain || !decision.Allowed ? decision.Explain() : null;
        var reason = explanation is null ? DecisionReasons.Allowed : DecisionReasons.Classify(explanation);
        await WriteJsonAsync(context, writer => CheckResponse.Write(writer, decision, reason, request.Explain ? explanation : null, principal, request.User, PolicyRoot(services))).ConfigureAwait(false);
    }

    public async Task EnforceAsync(HttpContext context)
    {
        var enforcer = RequireEnforcer();
        object?[] values;
        using (var body = await JsonBody.ReadAsync(context.Request, options.MaxRequestBodyBytes).ConfigureAwait(false))
        {
            JsonFields.RequireObject(body.RootElement, "$", s_enforceFields);
            values = RequestValues(body.RootElement, "request", "$.request");
        }

        var allowed = enforcer.Enforce(values);
        await WriteJsonAsync(context, writer =>
        {
            writer.WriteStartObject();
            writer.WriteBoolean("allowed", allowed);
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    public async Task EnforceBatchAsync(HttpContext context)
    {
        var enforcer = RequireEnforcer();
        var requests = new List<object?[]>();
        using (var body = await JsonBody.ReadAsync(context.Request, options.MaxRequestBodyBytes).ConfigureAwait(false))
        {
            JsonFields.RequireObject(body.RootElement, "$", s_batchFields);
            if (!body.RootElement.TryGetProperty("requests", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new RequestProblem("$.requests", "expected an array of requests, each an array of values; found none.");
            }

            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                requests.Add(Values(item, $"$.requests[{index++}]"));
            }
        }

        var results = new bool[requests.Count];
        for (var i = 0; i < requests.Count; i++)
        {
            try
            {
                results[i] = enforcer.Enforce(requests[i]);
            }
            catch (Policy.Diagnostics.PolicyEvaluationException e)
            {
                throw new RequestProblem($"$.requests[{i}]", e.Message);
            }
        }

        await WriteJsonAsync(context, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("allowed");
            foreach (var allowed in results)
            {
                writer.WriteBooleanValue(allowed);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }
}
