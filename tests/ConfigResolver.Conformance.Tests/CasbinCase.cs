using System.Text.Json;

namespace ConfigResolver.Conformance.Tests;

/// <summary>One row of the corpus: model, policy, setup, request and Go casbin's answer.</summary>
internal sealed record CasbinCase(
    string Id,
    string File,
    string Model,
    string? Policy,
    JsonElement? Setup,
    JsonElement? Context,
    JsonElement Request,
    string Expected,
    string? GoError,
    string? Explain)
{
    public static CasbinCase Parse(string file, string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement.Clone();
        var expected = root.GetProperty("expected");
        string? explain = null;
        if (root.TryGetProperty("notes", out var notes) && notes.GetString() is { } text
            && text.IndexOf("EnforceEx explain=", StringComparison.Ordinal) is var at and >= 0)
        {
            explain = text[(at + "EnforceEx explain=".Length)..];
        }

        return new CasbinCase(
            root.GetProperty("id").GetString()!,
            file,
            root.GetProperty("model").GetString()!,
            root.TryGetProperty("policy", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null,
            root.TryGetProperty("setup", out var s) ? s : null,
            root.TryGetProperty("enforce_context", out var c) ? c : null,
            root.GetProperty("request"),
            expected.ValueKind == JsonValueKind.String ? expected.GetString()! : expected.GetBoolean() ? "true" : "false",
            root.TryGetProperty("error", out var e) ? e.GetString() : null,
            explain);
    }

    /// <summary>Key of the enforcer this row uses: model, policy and setup.</summary>
    public string EnforcerKey => $"{Model}|{Policy}|{Setup?.GetRawText()}";

    public string Describe(string actual) =>
        $"{Id}: model '{Model}', policy '{Policy ?? "(none)"}', setup {Setup?.GetRawText() ?? "(none)"}, context {Context?.GetRawText() ?? "(default)"}, " +
        $"request {Request.GetRawText()}: expected {Expected}{(GoError is null ? string.Empty : $" (Go: {GoError})")}, actual {actual}";
}
