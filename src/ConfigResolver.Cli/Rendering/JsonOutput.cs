using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConfigResolver.Cli.Rendering;

/// <summary>
/// How <c>--json</c> output is written: one compact JSON value per line, snake_case names, nulls kept (a field is
/// always there), readable escaping (the output is not HTML). <c>resolve</c> and <c>org config get</c> print indented
/// documents instead, through their own writers.
/// </summary>
internal static class JsonOutput
{
    private static readonly JsonSerializerOptions s_options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Serializes a value on one line.</summary>
    /// <param name="value">An anonymous object, record, dictionary or list.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(object? value) => JsonSerializer.Serialize(value, s_options);

    /// <summary>The envelope every command prints on standard output for an error when <c>--json</c> was given.</summary>
    /// <param name="code"><c>usage</c>, <c>rejected</c>, <c>failed</c> or <c>cancelled</c>.</param>
    /// <param name="exitCode">The exit code that goes with it.</param>
    /// <param name="message">The first problem, one line.</param>
    /// <param name="diagnostics">Every problem.</param>
    /// <returns><c>{"error":{"code","exit_code","message","diagnostics":[...]}}</c> on one line.</returns>
    public static string Error(string code, int exitCode, string message, IEnumerable<CliDiagnostic> diagnostics) =>
        Serialize(new { error = new { code, exit_code = exitCode, message, diagnostics = diagnostics.ToArray() } });

    /// <summary>Names <see cref="TenantConfigRenderer.Json"/>'s layout choice at call sites: indented.</summary>
    public const bool Indented = true;

    /// <summary>Names <see cref="TenantConfigRenderer.Json"/>'s layout choice at call sites: one line.</summary>
    public const bool Compact = false;

    /// <summary>Puts one field first in a compact JSON object (<c>{"revision":12,...}</c>), for the lines of <c>--watch</c>.</summary>
    /// <param name="json">A compact JSON object.</param>
    /// <param name="name">The field's name.</param>
    /// <param name="value">Its value.</param>
    /// <returns>The object with the field first.</returns>
    public static string WithLeadingField(string json, string name, object? value)
    {
        var field = Serialize(new Dictionary<string, object?> { [name] = value });
        return json == "{}" ? field : string.Concat(field.AsSpan(0, field.Length - 1), ",", json.AsSpan(1));
    }
}
