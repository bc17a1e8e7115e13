namespace ConfigResolver.Commerce;

/// <summary>One plan of the catalog (<c>policies/plans.yaml</c>).</summary>
/// <param name="Name">The plan's name, for example <c>startup</c>.</param>
/// <param name="Limits">What it allows.</param>
public sealed record PlanDefinition(string Name, PlanLimits Limits)
{
    /// <summary>Gets the plan's display name, if the catalog gives one.</summary>
    public string? DisplayName { get; init; }
}
