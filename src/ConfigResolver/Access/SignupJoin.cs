using ConfigResolver.Tenancy;

namespace ConfigResolver.Access;

/// <summary>What a store needs to let someone join an organization by sign-up, in one transaction.</summary>
/// <param name="OrganizationId">The organization the sign-up key (or the deployment's key) leads to.</param>
/// <param name="Email">The user's email; an existing user with it joins instead of a new one.</param>
/// <param name="At">When it happens.</param>
/// <param name="NewUserId">The id a created user gets.</param>
public sealed record SignupJoin(Guid OrganizationId, string Email, DateTimeOffset At, Guid NewUserId)
{
    /// <summary>Gets the display name a created user gets, if any.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the role a new member gets. Default <see cref="MembershipRole.Member"/>.</summary>
    public MembershipRole Role { get; init; } = MembershipRole.Member;

    /// <summary>Gets how the key matched, for the audit log: <c>organization_key</c> or <c>deployment_key</c>.</summary>
    public string Via { get; init; } = "organization_key";
}
