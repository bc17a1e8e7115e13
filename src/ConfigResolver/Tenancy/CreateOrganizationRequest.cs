using System.Collections.Immutable;

namespace ConfigResolver.Tenancy;

/// <summary>What <see cref="TenantAdministration.CreateOrganizationAsync"/> needs to create an organization.</summary>
public sealed record CreateOrganizationRequest
{
    /// <summary>Gets the slug: 2-63 lowercase letters, digits or hyphens, unique.</summary>
    public required string Slug { get; init; }

    /// <summary>Gets the display name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the configuration document (JSON); <c>{"version":1}</c> when null. Laid over the baseline when <see cref="FromSystemBaseline"/> is set.</summary>
    public string? ConfigJson { get; init; }

    /// <summary>
    /// Gets whether to start from a copy of the system organization's setups (providers, knowledge-base server,
    /// assistant defaults). Secrets, features, metadata and sharing choices are never copied.
    /// </summary>
    public bool FromSystemBaseline { get; init; }

    /// <summary>
    /// Gets whether, with <see cref="FromSystemBaseline"/>, the new organization opts in to sharing the operator's key for
    /// every provider and knowledge-base server whose key the baseline dropped (provenance then says <c>shared</c>).
    /// The keys themselves are never copied.
    /// </summary>
    public bool ShareBaselineSecrets { get; init; }

    /// <summary>Gets the initial status; active by default.</summary>
    public OrganizationStatus Status { get; init; } = OrganizationStatus.Active;

    /// <summary>Gets the plan; <c>free</c> by default.</summary>
    public string Plan { get; init; } = TenancyRules.DefaultPlan;

    /// <summary>Gets free-form tenant metadata.</summary>
    public ImmutableSortedDictionary<string, string>? Metadata { get; init; }
}
