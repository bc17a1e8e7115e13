using ConfigResolver.Tenancy;

namespace ConfigResolver.Access;

/// <summary>The outcome of joining an organization (an accepted invitation or a sign-up).</summary>
/// <param name="Organization">The organization joined.</param>
/// <param name="User">The user, as stored after the write.</param>
/// <param name="UserCreated">Whether the write created the user (no user had the email).</param>
/// <param name="Role">The user's role in the organization now.</param>
/// <param name="PreviousRole">The role the user had before, or null when they were not a member.</param>
public sealed record JoinResult(Organization Organization, User User, bool UserCreated, MembershipRole Role, MembershipRole? PreviousRole);
