using System.Collections.Immutable;

namespace ConfigResolver.Resolution.Impact;

/// <summary>What a configuration change would change: every resolved value that differs, by organization, setup and pointer.</summary>
/// <param name="Changes">The values that differ.</param>
/// <param name="OrganizationsCompared">How many organizations were resolved before and after (those the change can reach).</param>
/// <remarks>Immutable.</remarks>
public sealed record ConfigImpact(ImmutableArray<ConfigValueChange> Changes, int OrganizationsCompared)
{
    /// <summary>Whether any resolved value changes.</summary>
    public bool HasChanges => !Changes.IsEmpty;

    /// <summary>The organizations whose resolved values change, by slug.</summary>
    public ImmutableArray<string> Organizations => [.. Changes.Select(static c => c.Organization).Distinct(StringComparer.Ordinal)];
}
