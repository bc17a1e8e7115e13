using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ConfigResolver.Configuration;
using ConfigResolver.Routing;

namespace ConfigResolver.Cli.Rendering;

/// <summary>
/// Renders a completion route: the answer on one line (<c>org 'acme' setup 'default': openai/gpt-4o at URL, api_key [redacted]</c>),
/// or with <c>--explain</c> every candidate with its reason and every refusal. Keys are always <c>[redacted]</c>.
/// </summary>
internal static class RouteRenderer
{
    /// <summary>The lines to print.</summary>
    /// <param name="route">The route (at least one candidate).</param>
    /// <param name="explain">Print every candidate with why, and the refusals.</param>
    /// <returns>The lines.</returns>
    public static IEnumerable<string> Lines(CompletionRoute route, bool explain)
    {
        var heading = $"org '{route.OrganizationSlug}' setup '{route.Setup}'";
        if (!explain)
        {
            yield return $"{heading}: {Candidate(route.Answer)}";
            yield break;
        }

        yield return heading;
        for (var i = 0; i < route.Candidates.Length; i++)
        {
            var candidate = route.Candidates[i];
            yield return $"  {i + 1}. {Candidate(candidate)}";
            yield return "     why: " + DiagnosticRenderer.OneLine(candidate.Reason);
        }

        foreach (var refused in route.Refused)
        {
            yield return "  refused " + DiagnosticRenderer.OneLine(refused.ToString());
        }
    }

    /// <summary>The documented JSON shape on one line, with the readable escaping of every <c>--json</c> output.</summary>
    /// <param name="route">The route.</param>
    /// <returns>The JSON text.</returns>
    public static string Json(CompletionRoute route)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            CompletionRouteJson.Write(writer, route);
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    private static string Candidate(CompletionCandidate candidate) =>
        $"{DiagnosticRenderer.OneLine(candidate.Provider + "/" + candidate.Model)} at {candidate.BaseUrl ?? "(no base_url)"}, api_key {(candidate.ApiKey is null ? "(none)" : Secret.Redacted)}";
}
