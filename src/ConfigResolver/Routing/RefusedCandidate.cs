namespace ConfigResolver.Routing;

/// <summary>A provider (and model) the routing looked at and refused, with why: disabled, not configured, model not listed, no models, or no key.</summary>
/// <remarks>Immutable.</remarks>
public sealed class RefusedCandidate
{
    internal RefusedCandidate(string? provider, string? model, CompletionStep step, string reason)
    {
        Provider = provider;
        Model = model;
        Step = step;
        Reason = reason;
    }

    /// <summary>Gets the provider, or null when a requested model was looked for across providers.</summary>
    public string? Provider { get; }

    /// <summary>Gets the model, or null when the whole provider was refused.</summary>
    public string? Model { get; }

    /// <summary>Gets the rule that looked at it.</summary>
    public CompletionStep Step { get; }

    /// <summary>Gets why it was refused.</summary>
    public string Reason { get; }

    /// <summary>Renders e.g. <c>anthropic: provider 'anthropic' is disabled by org /setups/default/providers/anthropic/enabled</c>.</summary>
    /// <returns>The rendering.</returns>
    public override string ToString() => (Provider, Model) switch
    {
        (null, null) => Reason,
        (null, _) => $"{Model}: {Reason}",
        (_, null) => $"{Provider}: {Reason}",
        _ => $"{Provider}/{Model}: {Reason}",
    };
}
