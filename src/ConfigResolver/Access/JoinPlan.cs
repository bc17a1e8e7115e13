using System.Collections.Immutable;
using ConfigResolver.Storage;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Access;

/// <summary>
/// What joining an organization writes, decided from what the write's transaction read: create the user when no user
/// has the email, add the membership or raise its role (never lower it), and make the organization the user's default
/// when they have none. Every store executes the same plan, so they agree on the outcome and the changes they publish.
/// </summary>
/// <param name="Organization">The organization joined.</param>
/// <param name="User">The user as stored after the write.</param>
/// <param name="CreateUser">Whether the user must be inserted.</param>
/// <param name="WriteMembership">Whether the membership must be inserted or its role raised.</param>
/// <param name="Role">The role after the write.</param>
/// <param name="PreviousRole">The role before, or null.</param>
/// <param name="DefaultChanged">Whether the user's default organization becomes this one (for an existing user).</param>
public sealed record JoinPlan(Organization Organization, User User, bool CreateUser, bool WriteMembership, MembershipRole Role, MembershipRole? PreviousRole, bool DefaultChanged)
{
    /// <summary>Decides the plan and checks the membership invariants (an organization's first member is an owner).</summary>
    /// <param name="organization">The organization.</param>
    /// <param name="existingUser">The user with the email, or null.</param>
    /// <param name="existingMembership">That user's membership in the organization, or null.</param>
    /// <param name="ownerCount">How many owners the organization has.</param>
    /// <param name="role">The role to grant.</param>
    /// <param name="email">The email, for a new user.</param>
    /// <param name="name">The display name, for a new user.</param>
    /// <param name="newUserId">The id of a new user.</param>
    /// <param name="at">When.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="Validation.TenantValidationException">The organization has no owner yet (TEN2011).</exception>
    public static JoinPlan Decide(
        Organization organization, User? existingUser, Membership? existingMembership, int ownerCount, MembershipRole role,
        string email, string? name, Guid newUserId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(organization);
        var user = existingUser ?? new User { Id = newUserId, Email = email, Name = name, CreatedAt = at, UpdatedAt = at };
        var previous = existingMembership?.Role;
        var target = previous is { } held && held >= role ? held : role;
        var write = previous != target;
        if (write)
        {
            TenantInvariants.ThrowIfAny(TenantInvariants.CheckSetMembership(organization, user, existingMembership, ownerCount, target));
        }

        var defaultChanged = user.DefaultOrganizationId is null;
        var stored = defaultChanged ? user with { DefaultOrganizationId = organization.Id } : user;
        return new JoinPlan(organization, stored, existingUser is null, write, target, previous, defaultChanged && existingUser is not null);
    }

    /// <summary>The changes the write publishes: the membership (first, so the log row is a membership row), then the user.</summary>
    /// <returns>The changes.</returns>
    public ImmutableArray<TenantChange> Changes() =>
        CreateUser || DefaultChanged
            ? [TenantChange.MembershipSet(Organization, User.Id), TenantChange.UserUpdated(User)]
            : [TenantChange.MembershipSet(Organization, User.Id)];

    /// <summary>The outcome returned to the caller.</summary>
    /// <returns>The result.</returns>
    public JoinResult ToResult() => new(Organization, User, CreateUser, Role, PreviousRole);
}
