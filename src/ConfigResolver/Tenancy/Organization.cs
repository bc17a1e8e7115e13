using System.Collections.Immutable;
using ConfigResolver.Configuration;

namespace ConfigResolver.Tenancy;

/// <summary>
/// A tenant: identity, lifecycle, plan and its configuration document.
/// </summary>
/// <remarks>
/// Immutable; change it with <c>with</c> and write it through a store. Equality compares every field,
/// <see cref="Metadata"/> by content. <see cref="object.ToString"/> shows the configuration redacted.
/// </remarks>
public sealed record Organization
{
    /// <summary>Gets the identifier; never reused.</summary>
    public required Guid Id { get; init; }

    /// <summary>Gets the URL-safe unique name: 2-63 lowercase letters, digits or hyphens. Never changes.</summary>
    public required string Slug { get; init; }

    /// <summary>Gets the display name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets whether this is the one system organization (the operator's).</summary>
    public bool IsSystem { get; init; }

    /// <summary>Gets the lifecycle state.</summary>
    public OrganizationStatus Status { get; init; }

    /// <summary>Gets the plan name, for example <c>free</c>.</summary>
    public string Plan { get; init; } = TenancyRules.DefaultPlan;

    /// <summary>Gets the validated configuration document.</summary>
    public OrgConfigDocument Config { get; init; } = OrgConfigDocument.Empty;

    /// <summary>Gets free-form key/value metadata about the tenant (not configuration).</summary>
    public ImmutableSortedDictionary<string, string> Metadata { get; init; } = ImmutableSortedDictionary.Create<string, string>(StringComparer.Ordinal);

    /// <summary>Gets when the organization was created (from the injected <see cref="TimeProvider"/>).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when the organization was last written.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Gets the hash of the configured signup key, which stores index for uniqueness.</summary>
    public SignupKeyHash? SignupKeyHash => Config.SignupKeyHash;

    /// <inheritdoc/>
    public bool Equals(Organization? other) =>
        other is not null
        && Id == other.Id
        && Slug == other.Slug
        && Name == other.Name
        && IsSystem == other.IsSystem
        && Status == other.Status
        && Plan == other.Plan
        && Config.Equals(other.Config)
        && CreatedAt == other.CreatedAt
        && UpdatedAt == other.UpdatedAt
        && Metadata.Count == other.Metadata.Count
        && Metadata.All(pair => other.Metadata.TryGetValue(pair.Key, out var value) && value == pair.Value);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Slug, UpdatedAt);
}
