using System.Collections.Immutable;

namespace ConfigResolver.Resolution;

/// <summary>Where a resolved value came from and what it hid.</summary>
/// <remarks>Immutable. Shadowed values describe the lower layers as they were when the snapshot was built.</remarks>
public sealed class Provenance
{
    internal Provenance(ConfigLayer layer, string? source, ValueState state, ImmutableArray<ShadowedValue> shadowed, string? note)
    {
        Layer = layer;
        Source = source;
        State = state;
        Shadowed = shadowed.IsDefault ? [] : shadowed;
        Note = note;
    }

    /// <summary>Gets the layer that decided the value; <see cref="ConfigLayer.None"/> when absent.</summary>
    public ConfigLayer Layer { get; }

    /// <summary>
    /// Gets the JSON pointer in the deciding document (<c>/setups/default/providers/openai/base_url</c>), the environment
    /// key (<c>OPENAI_BASE_URL</c>), or for built-in defaults the resolved pointer; null when absent.
    /// </summary>
    public string? Source { get; }

    /// <summary>Gets the state.</summary>
    public ValueState State { get; }

    /// <summary>Gets the lower layers' values it hid, highest first.</summary>
    public ImmutableArray<ShadowedValue> Shadowed { get; }

    /// <summary>Gets an explanation, for example how to opt in to a withheld secret.</summary>
    public string? Note { get; }

    /// <summary>Renders e.g. <c>org /setups/default/providers/openai/base_url, set</c>.</summary>
    /// <returns>The rendering.</returns>
    public override string ToString() =>
        Layer == ConfigLayer.None ? ResolutionNames.ToName(State) : $"{ResolutionNames.ToName(Layer)} {Source}, {ResolutionNames.ToName(State)}";
}
