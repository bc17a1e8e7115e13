using ConfigResolver.Configuration;

namespace ConfigResolver.Resolution;

/// <summary>A lower layer's value that the resolved value hid, or a secret that was withheld because sharing was not opted in.</summary>
/// <param name="Layer">The lower layer.</param>
/// <param name="Source">Its pointer or environment key.</param>
/// <param name="Value">Its value; secrets render redacted.</param>
/// <param name="Withheld">True when the value is an operator secret the organization did not opt in to.</param>
public sealed record ShadowedValue(ConfigLayer Layer, string Source, ConfigValue Value, bool Withheld)
{
    /// <summary>Renders e.g. <c>env OPENAI_API_KEY = [redacted] (withheld: not shared)</c>.</summary>
    /// <returns>The rendering; secrets redacted.</returns>
    public override string ToString() =>
        $"{ResolutionNames.ToName(Layer)} {Source} = {Value}{(Withheld ? " (withheld: not shared)" : string.Empty)}";
}
