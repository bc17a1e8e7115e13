using System.Collections.Immutable;

namespace ConfigResolver.Commerce;

/// <summary>The plans an organization can be on, in catalog order. Immutable; safe for concurrent use.</summary>
public sealed class PlanCatalog
{
    private readonly ImmutableDictionary<string, PlanDefinition> _byName;

    /// <summary>Builds a catalog.</summary>
    /// <param name="plans">The plans, in display order; names are unique.</param>
    /// <param name="defaultPlan">The plan an organization created without one gets.</param>
    /// <exception cref="ArgumentException">A name repeats, or the default plan is not in the list.</exception>
    public PlanCatalog(IEnumerable<PlanDefinition> plans, string defaultPlan)
    {
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentNullException.ThrowIfNull(defaultPlan);
        Plans = [.. plans];
        _byName = Plans.ToImmutableDictionary(static p => p.Name, StringComparer.Ordinal);
        if (!_byName.ContainsKey(defaultPlan))
        {
            throw new ArgumentException($"The default plan '{defaultPlan}' is not in the catalog.", nameof(defaultPlan));
        }

        DefaultPlan = defaultPlan;
    }

    /// <summary>Gets the plans, in catalog order.</summary>
    public ImmutableArray<PlanDefinition> Plans { get; }

    /// <summary>Gets the name of the plan an organization gets when none is named.</summary>
    public string DefaultPlan { get; }

    /// <summary>Finds a plan by name (case-sensitive).</summary>
    /// <param name="name">The name.</param>
    /// <param name="plan">The plan, when found.</param>
    /// <returns>Whether the catalog has it.</returns>
    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PlanDefinition? plan) =>
        _byName.TryGetValue(name, out plan);
}
