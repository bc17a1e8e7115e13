namespace ConfigResolver.Tenancy;

/// <summary>A person who may belong to several organizations.</summary>
/// <remarks>Immutable; change it with <c>with</c> and write it through a store.</remarks>
public sealed record User
{
    /// <summary>Gets the identifier; never reused.</summary>
    public required Guid Id { get; init; }

    /// <summary>Gets the email address as entered; unique across users compared case-insensitively (see <see cref="TenancyRules.NormalizeEmail"/>).</summary>
    public required string Email { get; init; }

    /// <summary>Gets the display name, if any.</summary>
    public string? Name { get; init; }

    /// <summary>
    /// Gets the organization the user acts in by default, always one of the user's memberships, or null when
    /// the user has none (then the user resolves against the system organization).
    /// </summary>
    public Guid? DefaultOrganizationId { get; init; }

    /// <summary>Gets when the user was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when the user was last written.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }
}
