namespace ConfigResolver.Resolution;

/// <summary>
/// A provider and one of its models, as a setup names them in <c>global_default_model</c> or <c>small_fast_model</c>
/// (LAMB's <c>{"provider": ..., "model": ...}</c>).
/// </summary>
/// <remarks>Immutable. Whether the provider is enabled and lists the model is decided when a completion is routed.</remarks>
public sealed class ModelChoice
{
    internal ModelChoice(string provider, string model)
    {
        Provider = provider;
        Model = model;
    }

    /// <summary>Gets the provider name, for example <c>openai</c>.</summary>
    public string Provider { get; }

    /// <summary>Gets the model name, for example <c>gpt-4o-mini</c>.</summary>
    public string Model { get; }

    /// <summary>Renders <c>provider/model</c>.</summary>
    /// <returns>The rendering.</returns>
    public override string ToString() => Provider + "/" + Model;
}
