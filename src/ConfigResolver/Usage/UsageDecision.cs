namespace ConfigResolver.Usage;

/// <summary>The answer to a consumption.</summary>
/// <param name="Allowed">Whether the units were consumed.</param>
/// <param name="Remaining">
/// The units still available to this instance: what is left in its lease plus what the store had free at its last
/// reservation (other instances may hold some of that meanwhile); null for unlimited.
/// </param>
public readonly record struct UsageDecision(bool Allowed, long? Remaining);
