namespace ConfigResolver.Commerce;

/// <summary>One model of a model group.</summary>
/// <param name="Model">The model's name as providers list it.</param>
/// <param name="Provider">The provider it must come from, or null for any provider that lists it.</param>
/// <param name="Priority">Lower goes first; ties keep the group's order.</param>
public sealed record ModelGroupEntry(string Model, string? Provider, int Priority);
