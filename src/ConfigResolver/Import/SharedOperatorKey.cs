namespace ConfigResolver.Import;

/// <summary>
/// An imported organization holds the system organization's provider key as its own (LAMB copies operator keys into
/// every new organization): replace it with an explicit share (<see cref="OptIn"/>) so a rotated operator key
/// reaches it and provenance says <c>shared</c>. The key itself is never reported.
/// </summary>
/// <param name="Organization">The organization's slug.</param>
/// <param name="Location">The JSON pointer where the organization's document holds the key, e.g. <c>/setups/default/providers/openai/api_key</c>.</param>
/// <param name="SystemLocation">The JSON pointer where the system organization's document holds the same key.</param>
/// <param name="OptIn">The opt-in to set instead, e.g. <c>/inheritance/providers/openai/share_api_key</c>.</param>
public sealed record SharedOperatorKey(string Organization, string Location, string SystemLocation, string OptIn);
