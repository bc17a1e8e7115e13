using System.Text.Json;
using ConfigResolver.Authorization;

namespace ConfigResolver.AspNetCore;

/// <summary>
/// The body of <c>POST /v1/check</c>:
/// <c>{"user": email|id, "org": slug, "action": "...", "resource": "...", "context": {"time", "client_ip", "resource_attributes"}, "explain": bool}</c>.
/// </summary>
internal sealed record CheckRequest(string User, string Org, string Action, string? Resource, CheckContext? Context, bool Explain)
{
    private static readonly string[] s_fields = ["user", "org", "action", "resource", "context", "explain"];
    private static readonly string[] s_contextFields = ["time", "client_ip", "resource_attributes"];

    public static CheckRequest Read(JsonElement body)
    {
        JsonFields.RequireObject(body, "$", s_fields);
        CheckContext? context = null;
        if (body.TryGetProperty("context", out var c) && c.ValueKind != JsonValueKind.Null)
        {
            JsonFields.RequireObject(c, "$.context", s_contextFields);
            IReadOnlyDictionary<string, object?>? attributes = null;
            if (c.TryGetProperty("resource_attributes", out var a) && a.ValueKind != JsonValueKind.Null)
            {
                if (a.ValueKind != JsonValueKind.Object)
                {
                    throw new RequestProblem("$.context.resource_attributes", $"expected a JSON object; found {JsonFields.Describe(a)}.");
                }

                attributes = (IReadOnlyDictionary<string, object?>)JsonFields.ToValue(a, "$.context.resource_attributes")!;
            }

            context = new CheckContext
            {
                Time = JsonFields.OptionalTime(c, "time", "$.context"),
                ClientIp = JsonFields.OptionalString(c, "client_ip", "$.context"),
                ResourceAttributes = attributes,
            };
        }

        return new CheckRequest(
            JsonFields.RequiredString(body, "user", "$"),
            JsonFields.RequiredString(body, "org", "$"),
            JsonFields.RequiredString(body, "action", "$"),
            JsonFields.OptionalString(body, "resource", "$"),
            context,
            JsonFields.OptionalBool(body, "explain", "$"));
    }
}
