namespace ConfigResolver.Commerce;

/// <summary>
/// The plan applied to an organization (its name and the limits copied from the catalog when it was applied) and its
/// billing fields. Stored with the organization's teams and model groups.
/// </summary>
/// <param name="Name">The plan's name.</param>
/// <param name="Limits">The limits in force.</param>
public sealed record OrganizationPlan(string Name, PlanLimits Limits)
{
    /// <summary>Gets whether the plan was applied with <c>--force</c> although the organization exceeded it.</summary>
    public bool Forced { get; init; }

    /// <summary>Gets the billing contact's email.</summary>
    public string? BillingEmail { get; init; }

    /// <summary>Gets the organization's Stripe customer id.</summary>
    public string? StripeCustomerId { get; init; }

    /// <summary>Gets the organization's Lago customer id.</summary>
    public string? LagoCustomerId { get; init; }

    /// <summary>Gets the organization's domain (for example for sign-up by email domain).</summary>
    public string? Domain { get; init; }
}
