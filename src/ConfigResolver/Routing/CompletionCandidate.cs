using ConfigResolver.Configuration;

namespace ConfigResolver.Routing;

/// <summary>
/// One provider and model a completion may use: where to send it (<see cref="BaseUrl"/>), with which key
/// (<see cref="ApiKey"/>, a <see cref="Secret"/> handle), and why it is on the list.
/// </summary>
/// <remarks>Immutable. <see cref="ToString"/> and every JSON rendering show the key as <c>[redacted]</c>.</remarks>
public sealed class CompletionCandidate
{
    internal CompletionCandidate(string provider, string model, string? baseUrl, Secret? apiKey, CompletionStep step, string reason)
    {
        Provider = provider;
        Model = model;
        BaseUrl = baseUrl;
        ApiKey = apiKey;
        Step = step;
        Reason = reason;
    }

    /// <summary>Gets the provider name, for example <c>openai</c>.</summary>
    public string Provider { get; }

    /// <summary>Gets the model name, for example <c>gpt-4o-mini</c>.</summary>
    public string Model { get; }

    /// <summary>Gets the provider's resolved base URL, or null.</summary>
    public string? BaseUrl { get; }

    /// <summary>Gets the key to send (the organization's own, or an operator key it opted in to share), or null when none is configured.</summary>
    public Secret? ApiKey { get; }

    /// <summary>Gets the rule that produced the candidate.</summary>
    public CompletionStep Step { get; }

    /// <summary>Gets why the candidate is on the list, for example <c>the setup's global default model (/setups/default/global_default_model/model)</c>.</summary>
    public string Reason { get; }

    /// <summary>Renders e.g. <c>openai/gpt-4o-mini at https://api.openai.com/v1, api_key [redacted]: reason</c>.</summary>
    /// <returns>The rendering; the key is redacted.</returns>
    public override string ToString() =>
        $"{Provider}/{Model} at {BaseUrl ?? "(no base_url)"}, api_key {(ApiKey is null ? "(none)" : Secret.Redacted)}: {Reason}";
}
