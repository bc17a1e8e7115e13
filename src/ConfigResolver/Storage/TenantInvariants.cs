using System.Collections.Immutable;
using ConfigResolver.Diagnostics;
using ConfigResolver.Tenancy;
using ConfigResolver.Validation;

namespace ConfigResolver.Storage;

/// <summary>
/// The invariant checks every store runs inside its write transaction, as pure functions of what the
/// transaction read, so the in-memory and SQLite stores reject exactly the same writes with the same diagnostics.
/// </summary>
internal static class TenantInvariants
{
    /// <summary>Checks an organization insert.</summary>
    /// <param name="organization">The organization to insert.</param>
    /// <param name="idExists">Whether the id is taken.</param>
    /// <param name="slugTaken">Whether the slug is taken.</param>
    /// <param name="signupKeyTaken">Whether another organization has the same signup key hash.</param>
    /// <returns>The problems; empty when the insert may proceed.</returns>
    /// <exception cref="ArgumentException">The organization is a system organization; only the store creates that one.</exception>
    public static ImmutableArray<Diagnostic> CheckCreateOrganization(Organization organization, bool idExists, bool slugTaken, bool signupKeyTaken)
    {
        ArgumentNullException.ThrowIfNull(organization);
        if (organization.IsSystem)
        {
            throw new ArgumentException("The store creates the system organization itself on first open.", nameof(organization));
        }

        var bag = new DiagnosticBag();
        var subject = TenancyDiagnostics.OrgSubject(organization.Slug);
        Add(bag, idExists, () => TenancyDiagnostics.DuplicateId(subject, organization.Id));
        Add(bag, slugTaken, () => TenancyDiagnostics.DuplicateSlug(organization.Slug));
        Add(bag, signupKeyTaken, () => TenancyDiagnostics.DuplicateSignupKey(organization.Slug));
        return bag.ToImmutable();
    }

    /// <summary>Checks an organization update against the stored state.</summary>
    /// <param name="existing">The stored organization.</param>
    /// <param name="updated">The new state.</param>
    /// <param name="signupKeyTakenByOther">Whether another organization has the new signup key hash.</param>
    /// <returns>The problems; empty when the update may proceed.</returns>
    public static ImmutableArray<Diagnostic> CheckUpdateOrganization(Organization existing, Organization updated, bool signupKeyTakenByOther)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(updated);
        var bag = new DiagnosticBag();
        var subject = TenancyDiagnostics.OrgSubject(existing.Slug);
        Add(bag, existing.Slug != updated.Slug, () => TenancyDiagnostics.ImmutableField(subject, "slug"));
        Add(bag, existing.IsSystem != updated.IsSystem, () => TenancyDiagnostics.ImmutableField(subject, "is_system"));
        Add(bag, existing.CreatedAt != updated.CreatedAt, () => TenancyDiagnostics.ImmutableField(subject, "created_at"));
        Add(bag, existing.IsSystem && updated.Status != OrganizationStatus.Active, () => TenancyDiagnostics.SystemOrganizationMustStayActive(existing.Slug, updated.Status));
        Add(bag, signupKeyTakenByOther, () => TenancyDiagnostics.DuplicateSignupKey(existing.Slug));
        return bag.ToImmutable();
    }

    /// <summary>Checks an organization delete.</summary>
    /// <param name="existing">The stored organization.</param>
    /// <returns>The problems; empty when the delete may proceed.</returns>
    public static ImmutableArray<Diagnostic> CheckDeleteOrganization(Organization existing)
    {
        ArgumentNullException.ThrowIfNull(existing);
        return existing.IsSystem ? [TenancyDiagnostics.SystemOrganizationUndeletable(existing.Slug)] : [];
    }

    /// <summary>Checks a user insert.</summary>
    /// <param name="user">The user.</param>
    /// <param name="idExists">Whether the id is taken.</param>
    /// <param name="emailTaken">Whether another user has the normalized email.</param>
    /// <returns>The problems; empty when the insert may proceed.</returns>
    public static ImmutableArray<Diagnostic> CheckCreateUser(User user, bool idExists, bool emailTaken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var bag = new DiagnosticBag();
        Add(bag, idExists, () => TenancyDiagnostics.DuplicateId(TenancyDiagnostics.UserSubject(user.Email), user.Id));
        Add(bag, emailTaken, () => TenancyDiagnostics.DuplicateEmail(user.Email));
        Add(bag, user.DefaultOrganizationId is not null, () => TenancyDiagnostics.DefaultOrganizationNotMember(user.Email, user.DefaultOrganizationId.ToString()!));
        return bag.ToImmutable();
    }

    /// <summary>Checks a user update against the stored state.</summary>
    /// <param name="existing">The stored user.</param>
    /// <param name="updated">The new state.</param>
    /// <param name="emailTakenByOther">Whether another user has the new normalized email.</param>
    /// <param name="defaultIsMembership">Whether the new default organization (if any) is one of the user's memberships.</param>
    /// <returns>The problems; empty when the update may proceed.</returns>
    public static ImmutableArray<Diagnostic> CheckUpdateUser(User existing, User updated, bool emailTakenByOther, bool defaultIsMembership)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(updated);
        var bag = new DiagnosticBag();
        Add(bag, existing.CreatedAt != updated.CreatedAt, () => TenancyDiagnostics.ImmutableField(TenancyDiagnostics.UserSubject(existing.Email), "created_at"));
        Add(bag, emailTakenByOther, () => TenancyDiagnostics.DuplicateEmail(updated.Email));
        Add(bag, updated.DefaultOrganizationId is not null && !defaultIsMembership, () => TenancyDiagnostics.DefaultOrganizationNotMember(updated.Email, updated.DefaultOrganizationId.ToString()!));
        return bag.ToImmutable();
    }

    /// <summary>Checks adding a membership or changing its role.</summary>
    /// <param name="organization">The organization.</param>
    /// <param name="user">The user.</param>
    /// <param name="existing">The user's current membership in the organization, if any.</param>
    /// <param name="ownerCount">How many owners the organization has now.</param>
    /// <param name="role">The new role.</param>
    /// <returns>The problems; empty when the write may proceed.</returns>
    public static ImmutableArray<Diagnostic> CheckSetMembership(Organization organization, User user, Membership? existing, int ownerCount, MembershipRole role)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(user);
        if (role == MembershipRole.Owner)
        {
            return [];
        }

        // An organization with no owner (a new one) has no members either; its first member must be an owner so
        // "members exist => an owner exists" always holds. The system organization is the exception: the deployment
        // administers it (environment, CLI), and it is where deployment-key sign-ups land, so members may join it
        // before anyone owns it. Once it has an owner, the last-owner rule below keeps one.
        if (ownerCount == 0 && !organization.IsSystem)
        {
            return [TenancyDiagnostics.FirstMemberMustBeOwner(organization.Slug, user.Email, role)];
        }

        return existing?.Role == MembershipRole.Owner && ownerCount == 1
            ? [TenancyDiagnostics.LastOwnerDemotion(organization.Slug, user.Email, role)]
            : [];
    }

    /// <summary>Checks removing a membership.</summary>
    /// <param name="organization">The organization.</param>
    /// <param name="user">The user.</param>
    /// <param name="existing">The membership, if any.</param>
    /// <param name="ownerCount">How many owners the organization has now.</param>
    /// <returns>The problems; empty when the removal may proceed.</returns>
    public static ImmutableArray<Diagnostic> CheckRemoveMembership(Organization organization, User user, Membership? existing, int ownerCount)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(user);
        if (existing is null)
        {
            return [TenancyDiagnostics.UnknownMembership(organization.Slug, user.Email)];
        }

        return existing.Role == MembershipRole.Owner && ownerCount <= 1
            ? [TenancyDiagnostics.LastOwnerRemoval(organization.Slug, user.Email)]
            : [];
    }

    /// <summary>Throws <see cref="TenantValidationException"/> when there are problems.</summary>
    /// <param name="diagnostics">The problems.</param>
    /// <exception cref="TenantValidationException"><paramref name="diagnostics"/> is not empty.</exception>
    public static void ThrowIfAny(ImmutableArray<Diagnostic> diagnostics)
    {
        if (!diagnostics.IsDefaultOrEmpty)
        {
            throw new TenantValidationException(diagnostics);
        }
    }

    private static void Add(DiagnosticBag bag, bool condition, Func<Diagnostic> create)
    {
        if (condition)
        {
            bag.Add(create());
        }
    }
}
