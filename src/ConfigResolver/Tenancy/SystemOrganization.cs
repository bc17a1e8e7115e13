namespace ConfigResolver.Tenancy;

/// <summary>Creates the one system organization a store adds on first open.</summary>
public static class SystemOrganization
{
    /// <summary>The system organization's display name.</summary>
    public const string DefaultName = "System";

    /// <summary>The system organization's plan.</summary>
    public const string Plan = "system";

    /// <summary>Creates the system organization entity: active, empty configuration, a new id.</summary>
    /// <param name="slug">The configured system slug (<see cref="ResolverOptions.SystemSlug"/>).</param>
    /// <param name="timeProvider">The clock for the creation time.</param>
    /// <returns>The entity to store.</returns>
    /// <exception cref="ArgumentException"><paramref name="slug"/> is not a valid slug.</exception>
    public static Organization Create(string slug, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (!TenancyRules.IsValidSlug(slug))
        {
            throw new ArgumentException($"The system slug must be {TenancyRules.SlugExpectation}.", nameof(slug));
        }

        var now = timeProvider.GetUtcNow();
        return new Organization
        {
            Id = Guid.CreateVersion7(now),
            Slug = slug,
            Name = DefaultName,
            IsSystem = true,
            Status = OrganizationStatus.Active,
            Plan = Plan,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }
}
