namespace ConfigResolver.Tenancy;

/// <summary>A user's one role in one organization.</summary>
/// <param name="OrganizationId">The organization.</param>
/// <param name="UserId">The user.</param>
/// <param name="Role">The role.</param>
public sealed record Membership(Guid OrganizationId, Guid UserId, MembershipRole Role);
