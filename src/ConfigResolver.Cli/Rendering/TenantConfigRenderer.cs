using System.Text;
using System.Text.Json;
using ConfigResolver.Configuration;
using ConfigResolver.Resolution;

namespace ConfigResolver.Cli.Rendering;

/// <summary>
/// Renders a resolved configuration: as text, one value per line with its provenance
/// (<c>/providers/openai/api_key = [redacted] (env OPENAI_API_KEY, shared)</c>), or in the documented JSON shape.
/// Secrets stay <c>[redacted]</c> unless the caller reveals them; an operator secret an organization did not opt in to
/// is never revealed.
/// </summary>
internal static class TenantConfigRenderer
{
    /// <summary>The heading line: <c>org 'acme' setup 'default'</c>.</summary>
    /// <param name="config">The configuration.</param>
    /// <returns>The line.</returns>
    public static string Heading(TenantConfig config) => $"org '{config.OrganizationSlug}' setup '{config.Setup}'";

    /// <summary>Every value (or those <paramref name="include"/> keeps), with shadowed values and notes when explaining.</summary>
    /// <param name="config">The configuration.</param>
    /// <param name="revealSecrets">Print secrets in plaintext.</param>
    /// <param name="explain">Add a line per shadowed value and the note.</param>
    /// <param name="include">Which values to print; all when null.</param>
    /// <returns>The lines.</returns>
    public static IEnumerable<string> Values(TenantConfig config, bool revealSecrets, bool explain, Func<ResolvedValue, bool>? include = null)
    {
        foreach (var value in config.AllValues)
        {
            if (include is not null && !include(value))
            {
                continue;
            }

            yield return $"{value.Pointer} = {Format(value.Value, revealSecrets)} ({value.Provenance})";
            if (!explain)
            {
                continue;
            }

            foreach (var shadowed in value.Provenance.Shadowed)
            {
                var withheld = shadowed.Withheld ? " (withheld: not shared)" : string.Empty;
                var source = $"{ResolutionNames.ToName(shadowed.Layer)} {shadowed.Source}";
                yield return $"    shadows {source} = {Format(shadowed.Value, revealSecrets && !shadowed.Withheld)}{withheld}";
            }

            if (value.Provenance.Note is { } note)
            {
                yield return "    note: " + DiagnosticRenderer.OneLine(note);
            }
        }
    }

    /// <summary>The documented JSON shape, indented with <c>\n</c> line breaks on every OS.</summary>
    /// <param name="config">The configuration.</param>
    /// <param name="revealSecrets">Print secrets in plaintext.</param>
    /// <param name="explain">Add shadowed values and notes.</param>
    /// <param name="indented">Indented (the one-shot <c>resolve --json</c>) or on one line (<c>--watch</c>).</param>
    /// <returns>The JSON text.</returns>
    public static string Json(TenantConfig config, bool revealSecrets, bool explain, bool indented = true)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, NewLine = "\n" }))
        {
            TenantConfigJson.Write(writer, config, revealSecrets, explain);
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>A value on one line: text as is, lists in brackets, secrets redacted unless revealed, <c>(none)</c> for no value.</summary>
    private static string Format(ConfigValue? value, bool revealSecrets)
    {
        if (value is null)
        {
            return "(none)";
        }

        var text = revealSecrets && value.Kind == ConfigValueKind.Secret ? value.AsSecret().Reveal() : value.ToString();
        return text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
    }
}
