using System.Text.Json;
using ConfigResolver.Authorization;

namespace ConfigResolver.AspNetCore;

/// <summary>
/// Writes <c>{"allowed", "reason", "revision", "explanation"?}</c>; the explanation has <c>cfgr check --json --explain</c>'s
/// fields (<c>reasons</c>, <c>why_not</c>, <c>rules</c>, <c>policy_lines</c>), naming the user as the caller did.
/// </summary>
internal static class CheckResponse
{
    public static void Write(Utf8JsonWriter writer, Decision decision, string reason, DecisionExplanation? explanation, Principal principal, string user, (string Path, string Display)? root)
    {
        writer.WriteStartObject();
        writer.WriteBoolean("allowed", decision.Allowed);
        writer.WriteString("reason", reason);
        writer.WriteNumber("revision", decision.Revision);
        if (explanation is not null)
        {
            var id = principal.UserId?.ToString("D");
            string Shown(string text) => root is { } r ? text.Replace(r.Path, r.Display, StringComparison.Ordinal) : text;
            string Named(string text) => Shown(id is null || string.Equals(id, user, StringComparison.OrdinalIgnoreCase)
                ? text
                : text.Replace($"user:{id}", $"user:{user}", StringComparison.Ordinal).Replace($"user {id}", $"user {user}", StringComparison.Ordinal));

            writer.WriteStartObject("explanation");
            WriteStrings(writer, "reasons", explanation.Reasons.Select(Named));
            writer.WriteString("why_not", explanation.WhyNot is null ? null : Named(explanation.WhyNot));
            writer.WriteStartArray("rules");
            foreach (var rule in explanation.Rules)
            {
                writer.WriteStartObject();
                writer.WriteString("package", rule.Package);
                writer.WriteString("name", rule.Name);
                writer.WriteString("effect", rule.Effect);
                writer.WriteString("file", Shown(rule.File));
                writer.WriteNumber("line", rule.Line);
                writer.WriteNumber("column", rule.Column);
                writer.WriteString("reason", rule.Reason);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            WriteStrings(writer, "policy_lines", explanation.PolicyLines.Select(Named));
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
