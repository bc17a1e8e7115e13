using System.Collections.Immutable;

namespace ConfigResolver.Commerce;

/// <summary>A team of an organization: members (who must be members of the organization), model groups and credits.</summary>
/// <param name="Name">The team's name, unique in its organization.</param>
public sealed record Team(string Name)
{
    /// <summary>Gets whether this is the team created with the organization (<c>{slug}_default</c> unless named otherwise).</summary>
    public bool IsDefault { get; init; }

    /// <summary>Gets the members' user ids, in the order they were added.</summary>
    public ImmutableArray<Guid> Members { get; init; } = [];

    /// <summary>Gets the model groups assigned to the team, in priority order (the first group's models first).</summary>
    public ImmutableArray<string> ModelGroups { get; init; } = [];

    /// <summary>Gets the team's monthly credit allocation, drawn from the organization's; null when the team draws from the organization's directly.</summary>
    public long? Credits { get; init; }

    /// <summary>Gets when the team was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <inheritdoc/>
    public bool Equals(Team? other) =>
        other is not null && Name == other.Name && IsDefault == other.IsDefault && Credits == other.Credits && CreatedAt == other.CreatedAt
        && Members.SequenceEqual(other.Members) && ModelGroups.SequenceEqual(other.ModelGroups);

    /// <inheritdoc/>
    public override int GetHashCode() => Name.GetHashCode(StringComparison.Ordinal);
}
