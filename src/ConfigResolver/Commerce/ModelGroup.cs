using System.Collections.Immutable;

namespace ConfigResolver.Commerce;

/// <summary>A named, ordered list of models an organization assigns to teams.</summary>
/// <param name="Name">The group's name, unique in its organization.</param>
/// <param name="Models">The models.</param>
public sealed record ModelGroup(string Name, ImmutableArray<ModelGroupEntry> Models)
{
    /// <inheritdoc/>
    public bool Equals(ModelGroup? other) => other is not null && Name == other.Name && Models.SequenceEqual(other.Models);

    /// <inheritdoc/>
    public override int GetHashCode() => Name.GetHashCode(StringComparison.Ordinal);
}
