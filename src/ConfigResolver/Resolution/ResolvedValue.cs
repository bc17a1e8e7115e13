using System.Diagnostics.CodeAnalysis;
using ConfigResolver.Configuration;

namespace ConfigResolver.Resolution;

/// <summary>One value of the resolved view, keyed by its pointer (<c>/providers/openai/enabled</c>), with its provenance.</summary>
/// <remarks>Immutable. <see cref="ToString"/> redacts secrets.</remarks>
public sealed class ResolvedValue
{
    internal ResolvedValue(string pointer, ConfigValue? value, Provenance provenance)
    {
        Pointer = pointer;
        Value = value;
        Provenance = provenance;
    }

    /// <summary>Gets the pointer in the resolved view, for example <c>/kb_server/url</c>.</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "A JSON pointer (RFC 6901), not a memory pointer.")]
    public string Pointer { get; }

    /// <summary>Gets the value, or null when absent or disabled.</summary>
    public ConfigValue? Value { get; }

    /// <summary>Gets where the value came from.</summary>
    public Provenance Provenance { get; }

    /// <summary>Gets the deciding layer (shortcut for <c>Provenance.Layer</c>).</summary>
    public ConfigLayer Layer => Provenance.Layer;

    /// <summary>Gets the state (shortcut for <c>Provenance.State</c>).</summary>
    public ValueState State => Provenance.State;

    /// <summary>Renders e.g. <c>/providers/openai/api_key = [redacted] (org /setups/default/providers/openai/api_key, set)</c>.</summary>
    /// <returns>The rendering; secrets redacted.</returns>
    public override string ToString() =>
        $"{Pointer} = {(Value is null ? "(none)" : OneLine(Value.ToString()))} ({Provenance})";

    // Prompts span lines; a rendering stays one line per value.
    private static string OneLine(string text) =>
        text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
